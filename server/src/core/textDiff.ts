/**
 * The one place two versions of a text are compared: the common prefix and suffix are kept,
 * the middle is what changed. The incremental lint reads it to know which server an edit
 * touched; Fix All turns it into one small edit so cursors and folds survive.
 */
/** The edit between two versions: old text [start, oldEnd) became new text [start, newEnd). */
export interface ChangedRegion {
  start: number;
  oldEnd: number;
  newEnd: number;
}

export function changedRegion(oldText: string, newText: string): ChangedRegion | undefined {
  if (oldText === newText) return undefined;
  const limit = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start < limit && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < limit - start && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  return { start, oldEnd: oldText.length - suffix, newEnd: newText.length - suffix };
}
