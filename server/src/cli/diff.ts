import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { detectSecret } from '../secrets/detect';
import { maskSecret } from '../secrets/mask';
import { redactSecrets } from '../secrets/redact';
import { displaySafe } from '../common/displaySafe';

/**
 * The unified diff `--fix --dry-run` prints (a/ and b/ prefixes, as git does). Source lines
 * would carry secrets, so every string literal that is a known secret (the text of a secret
 * finding) or looks like one is masked, and control characters are escaped: the diff is for
 * reading, not for `git apply`.
 */
export function unifiedDiff(file: string, before: string, after: string, knownSecrets: readonly string[]): string {
  const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY, context: 3 });
  const secrets = [...new Set(knownSecrets.filter((s) => s.length >= 4))].sort((a, b) => b.length - a.length);
  return patch
    .split('\n')
    .map((line) => {
      const isSource = /^[ +-]/.test(line) && !line.startsWith('--- ') && !line.startsWith('+++ ');
      // A CRLF file's lines end with \r: that is the line break, not a character to show.
      return displaySafeLine(isSource ? maskLine(line.replace(/\r$/, ''), secrets) : line);
    })
    .join('\n');
}

/**
 * A diff line with the file's control characters escaped (terminal escapes, a CR that
 * would rewrite the line). Source lines start with ` `, `+` or `-`, so no data reaches
 * the start of an output line; the `--- a/…` headers hold a path, also escaped.
 */
function displaySafeLine(line: string): string {
  return line.length === 0 ? line : line[0] + displaySafe(line.slice(1));
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
