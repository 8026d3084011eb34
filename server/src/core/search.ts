/**
 * A binary search: the first index in [0, length) at which `isPast(index)` holds, or
 * `length` when none does. `isPast` must be false up to some index and true from there on
 * (items sorted by what it asks about).
 */
export function firstIndexWhere(length: number, isPast: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (isPast(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}
