/**
 * Remembers a pure function's result per argument object (a server entry, an invocation)
 * for as long as that object lives. Many rules ask the same question of the same server
 * within one lint; the model is rebuilt for every document version, so no answer outlives
 * the text it was computed from. Results are shared: callers must not mutate them.
 *
 * The result sits in a non-enumerable symbol slot on the object itself: a WeakMap lookup
 * per call was measurable in profiles, and thousands of WeakMap entries per lint slow the
 * garbage collector (ephemeron tables).
 */
export function memoizeByObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const slot = Symbol(compute.name);
  return (key) => {
    const holder = key as unknown as Record<symbol, V>;
    if (slot in holder) return holder[slot];
    const value = compute(key);
    Object.defineProperty(holder, slot, { value, enumerable: false });
    return value;
  };
}
