import { detectSecret } from './detect';
import { entropy } from './entropy';
import { isCredentialFlag } from './keyNames';
import { memoizeByString } from '../core/memo';

/**
 * Whether a command-line word that a launcher would read as a package spec (npx's
 * positional or `-p` value, uvx's positional, `--from`, `--with`) is a credential instead.
 * `npx --api-key ghp_…`: npm reads an option it does not know as a boolean, so `ghp_…` is
 * "the package" (npx would try to fetch it), and a rule saying `runs npm package "ghp_…"`
 * discloses the token. Such a word is never reported as a package.
 *
 * Why not npm's package-name rules (lower case, url-safe, ≤ 214 characters) alone: a
 * lower-case hex API key passes them, and PyPI names are case-insensitive. Why not
 * `looksLikeCredential` alone: it is tuned for values under credential-named keys and calls
 * `@modelcontextprotocol/server-github` or `pkg@^1.2.3` credentials (long, several character
 * classes, high entropy). So a word is a credential when
 *  - the project's detector finds a known token format in it (`ghp_`, `sk-proj-`, `xoxb-`,
 *    `glpat-`, `AKIA`, JWTs…), anywhere (`ghp_…@1.2.3` too);
 *  - it is bare hex of 24+ characters with letters and digits (an API key or digest: never a
 *    package; hex after `@` or `#` in a git spec is a commit and stays);
 *  - one of its `@ / : = ? & , +`-separated pieces is random-looking (`isRandomPiece`).
 *    Names are words: `context7-mcp` switches character class 2 times in 11 characters,
 *    `Flask-SQLAlchemy2` 4 in 16, `utf16CodeUnits` 5 in 14; a random token over letters and
 *    digits about 60 % of the time.
 * npm names get one more test, `isUpperCaseNpmName`.
 */
export function isCredentialShaped(word: string): boolean {
  return word.length >= 12 && word.length <= 8192 && credentialShapedWord(word);
}

/** Remembered per word: the launch parsers and several rules ask it of the same package names and arguments. */
const credentialShapedWord = memoizeByString((word: string): boolean => {
  if (detectSecret(word) !== undefined) return true;
  if (/^[0-9a-f]{24,}$/i.test(word) && /\d/.test(word) && /[a-f]/i.test(word)) return true;
  for (const piece of word.split(/[@/:=?&,+]+/)) if (isRandomPiece(piece)) return true;
  return false;
}, 2000);

/**
 * One `@ / : = ? & , +`-free piece of a word that reads as random rather than as words: 12+
 * letters and digits (`-_.~!*` not counted) of two or more classes that switch between
 * upper case, lower case and digits at 40 % or more of its characters, with 3+ bits of
 * entropy a character; or letters mixed with `~`, `!` or `*`, which no package name, host,
 * path or identifier holds (`7uH_V*se-y65!r8X*D`).
 */
export function isRandomPiece(piece: string): boolean {
  const core = piece.replace(/[-_.~!*]/g, '');
  // Hex inside a longer word is a commit or a digest (`repo@<sha>`, `image@sha256:<hex>`);
  // bare hex is judged by `isCredentialShaped`.
  if (core.length < 12 || !/^[A-Za-z0-9]+$/.test(core) || classesIn(core) < 2 || /^[0-9a-f]+$/.test(core)) return false;
  if (/[~!*]/.test(piece) && /[A-Za-z]/.test(piece)) return true;
  return classSwitches(core) / (core.length - 1) >= 0.4 && entropy(core) >= 3;
}

/**
 * An npm package name (scope and name, no version) that cannot be a package published since
 * 2017, when npm began refusing upper-case names (every MCP server is newer): 12+ letters and
 * digits with two or more upper-case letters and digits or three or more case switches
 * (`XcodeBuildMCP`, `g8VZkqo_d2gqaxsvna`). Old names are words (`JSONStream`: one switch), and a homoglyph such
 * as `@modelcontextprotocoI/server-memory` (one upper-case letter) stays a package so the
 * typosquat rule still sees it.
 */
export function isUpperCaseNpmName(name: string): boolean {
  return name.split('/').some((part) => {
    const core = part.replace(/[^A-Za-z0-9]/g, '');
    return core.length >= 12 && (core.match(/[A-Z]/g)?.length ?? 0) >= 2 && (/\d/.test(core) || caseSwitches(core) >= 3);
  });
}

/**
 * The word after an option the launcher does not know: when the option's name says it holds
 * a credential (`--api-key`, `--token`, `--access-token`) and the project's detector, judging
 * the word in that position, calls it one (as secret-in-args does), the word is that option's
 * value and not a package, whatever the launcher would make of it.
 */
export function isCredentialOptionValue(option: string | undefined, word: string): boolean {
  if (!option) return false;
  const name = option.replace(/^-+/, '');
  return isCredentialFlag(name) && detectSecret(word, name, { credential: true }) !== undefined;
}

function charClass(code: number): number {
  if (code >= 48 && code <= 57) return 0;
  return code >= 97 ? 1 : 2;
}

function classSwitches(core: string): number {
  let switches = 0;
  for (let i = 1; i < core.length; i++) if (charClass(core.charCodeAt(i)) !== charClass(core.charCodeAt(i - 1))) switches++;
  return switches;
}

function classesIn(core: string): number {
  return Number(/\d/.test(core)) + Number(/[a-z]/.test(core)) + Number(/[A-Z]/.test(core));
}

/** Upper/lower changes between consecutive letters (digits skipped). */
function caseSwitches(core: string): number {
  const letters = core.replace(/\d/g, '');
  let switches = 0;
  for (let i = 1; i < letters.length; i++) if (letters[i] < 'a' !== letters[i - 1] < 'a') switches++;
  return switches;
}
