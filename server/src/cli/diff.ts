import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { detectSecret } from '../secrets/detect';
import { maskSecret } from '../secrets/mask';
import { redactSecrets } from '../secrets/redact';

/**
 * The unified diff `--fix --dry-run` prints (a/ and b/ prefixes, as git does). Source lines
 * would carry secrets, so every string literal that is a known secret (the text of a secret
 * finding) or looks like one is masked: the diff is for reading, not for `git apply`.
 */
export function unifiedDiff(file: string, before: string, after: string, knownSecrets: readonly string[]): string {
  const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY, context: 3 });
  const secrets = [...new Set(knownSecrets.filter((s) => s.length >= 4))].sort((a, b) => b.length - a.length);
  return patch
    .split('\n')
    .map((line) => (/^[ +-]/.test(line) && !line.startsWith('--- ') && !line.startsWith('+++ ') ? maskLine(line, secrets) : line))
    .join('\n');
}

const STRING_LITERAL = /(["'])((?:\\.|(?!\1)[^\\])*)\1(\s*:)?/g;

/** Masks secrets in one line of source: known values anywhere, and quoted literals that look like secrets. */
export function maskLine(line: string, knownSecrets: readonly string[]): string {
  let masked = line;
  for (const secret of knownSecrets) masked = masked.split(secret).join(maskSecret(secret));
  return masked.replace(STRING_LITERAL, (literal: string, quote: string, body: string, colon: string | undefined, offset: number) => {
    if (colon) return literal; // a key, not a value
    const key = /["']?([\w.-]+)["']?\s*[:=]\s*$/.exec(masked.slice(0, offset))?.[1];
    if (detectSecret(body, key)) return `${quote}${maskSecret(body)}${quote}`;
    // Context lines carry values no rule flagged (a URL password, a token in a shell line).
    const redacted = redactSecrets(body);
    return redacted === body ? literal : `${quote}${redacted}${quote}`;
  });
}
