/**
 * A TOML basic string: JSON's escapes are TOML's, except DEL which TOML wants escaped too.
 * A module of its own so that writing a key (fixes/nodeEdits.ts) does not load the TOML
 * parser, which only a TOML file needs.
 */
export function quoteToml(value: string): string {
  return JSON.stringify(value).replace(/\u007f/g, '\\u007F');
}
