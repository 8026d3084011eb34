/**
 * A constant table looked up by text from the workspace (a program, tool, scheme, option or
 * image name): only its own entries answer. A plain object literal also answers
 * `constructor`, `toString`, `__proto__`... from Object.prototype, and a config that named a
 * program or a tool so made rules fail on it and lose their findings for the whole file.
 */
export function lookupTable<T>(entries: Readonly<Record<string, T>>): Readonly<Partial<Record<string, T>>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/** `record[key]` from its own entries only, for objects not built by lookupTable (JSON data, zod shapes, dialect tables). */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
