/**
 * The one edit distance of the project (typosquats, did-you-mean keys): optimal string
 * alignment, so a swap of two neighbouring letters (`comamnd`) costs 1, as a typo does.
 * Bounded: returns max+1 as soon as the distance exceeds `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rolling rows (the swap looks two rows back) in buffers kept between calls: a
  // typosquat check compares a name with hundreds of known ones, and a matrix per pair
  // was most of what a lint allocated there.
  const width = b.length + 1;
  if (scratch.length < 3 * width) scratch = new Int32Array(3 * width * 2);
  let twoBack = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j < width; j++) scratch[previous + j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    scratch[current] = i;
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j < width; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(scratch[previous + j] + 1, scratch[current + j - 1] + 1, scratch[previous + j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) value = Math.min(value, scratch[twoBack + j - 2] + 1);
      scratch[current + j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const freed = twoBack;
    twoBack = previous;
    previous = current;
    current = freed;
  }
  return scratch[previous + b.length];
}

let scratch = new Int32Array(3 * 64);
