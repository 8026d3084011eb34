/**
 * The zod functions this project uses, from zod/mini. Everything imports them from here as
 * `import * as z from '../common/zod'`.
 *
 * Why mini rather than classic zod: the schemas here only validate (no transforms, no
 * method chains), and classic zod's bundle (~270 KB) and per-schema method binding cost the
 * language server start-up time and memory. Why named re-exports rather than the `z`
 * namespace: that object carries every locale and all of zod's core, which the bundler
 * then has to keep. Mini ships without messages, so the English ones are loaded here once:
 * settings warnings and schema findings read as they did with classic zod.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export {
  _default,
  array,
  boolean,
  catchall,
  enum,
  int,
  literal,
  maximum,
  maxLength,
  minimum,
  minLength,
  null,
  number,
  object,
  optional,
  positive,
  record,
  refine,
  regex,
  string,
  union,
  unknown,
} from 'zod/mini';
export type { infer, ZodMiniObject, ZodMiniType } from 'zod/mini';
export type { $ZodShape } from 'zod/v4/core';
