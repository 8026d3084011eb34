/**
 * The files the CLI and the language server both read from disk: `.mcp-hygiene.json`
 * settings files and organisation policy files (JSONC, bounded in size and nesting).
 */
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { settingsSchema } from '../common/settings';
import { parsePolicy, type Policy } from '../common/policy';
import { readRegularTextFile, UnreadableFileError } from './readRegularFile';
import { MAX_NESTING_DEPTH, nestingLimitOffset } from '../parse/nesting';

export const DEFAULT_CONFIG_FILE = '.mcp-hygiene.json';

/** Settings and policy files are a few KB; anything near this is not one (and would cost memory to parse). */
export const MAX_SETTINGS_FILE_BYTES = 1024 * 1024;

/**
 * The text of a `.mcp-hygiene.json` (or --config) file as raw settings: JSONC, keys with or
 * without the `mcpHygiene.` prefix, unknown keys reported. Shared by the CLI and the
 * language server (which reads the workspace root's file). `error` = not usable at all.
 */
export function parseSettingsFileText(text: string, displayName: string): { raw: Record<string, unknown>; problems: string[]; error?: string } {
  const raw: Record<string, unknown> = {};
  const problems: string[] = [];
  const parsed = parseJsoncBounded(text);
  const value = parsed.value;
  if (parsed.error !== undefined || !value || typeof value !== 'object' || Array.isArray(value)) {
    return { raw, problems, error: `The settings file ${displayName} is not valid: ${parsed.error ?? 'expected a JSON object'}.` };
  }
  const known = new Set(Object.keys(settingsSchema().shape));
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    const name = key.startsWith('mcpHygiene.') ? key.slice('mcpHygiene.'.length) : key;
    if (name === '$schema') continue;
    if (!known.has(name)) problems.push(`Unknown setting "${key}" in ${displayName}; it is ignored.`);
    else raw[name] = entry;
  }
  return { raw, problems };
}

/**
 * Reads an organisation policy file (`policyFile`, JSON or JSONC). Never throws: a missing or
 * invalid file gives no policy and one problem. Shared by the CLI and the language server.
 */
export function loadPolicyFile(path: string): { policy: Policy | undefined; problems: string[] } {
  let text: string;
  try {
    text = readRegularTextFile(path, MAX_SETTINGS_FILE_BYTES);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    return { policy: undefined, problems: [`Cannot read the policy file ${path}: ${error.message}. No policy is applied.`] };
  }
  const { value, error } = parseJsoncBounded(text);
  if (error !== undefined) return { policy: undefined, problems: [`The policy file ${path} is not valid JSON (${error}). No policy is applied.`] };
  return parsePolicy(value);
}

/**
 * JSONC as settings and policy files are written (BOM, comments, trailing commas). Nesting
 * is checked first in one flat pass: jsonc-parser recurses per level and a 100 000-deep file
 * would overflow the stack.
 */
function parseJsoncBounded(text: string): { value: unknown; error?: string } {
  const body = text.replace(/^\uFEFF/, '');
  const tooDeep = nestingLimitOffset(body, 'json', MAX_NESTING_DEPTH);
  if (tooDeep >= 0) return { value: undefined, error: `nested deeper than ${MAX_NESTING_DEPTH} levels at offset ${tooDeep}` };
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(body, errors, { allowTrailingComma: true });
  if (errors.length > 0) return { value, error: `${printParseErrorCode(errors[0].error)} at offset ${errors[0].offset}` };
  return { value };
}
