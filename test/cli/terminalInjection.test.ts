import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, tempDir, writeTree, type CliRun } from './helpers';
import { displaySafe } from '../../server/src/common/displaySafe';

/**
 * Names and text from a scanned repository must not drive the terminal or the CI log:
 * a server named like this erased the line above and printed a fake GitHub annotation.
 */
const HOSTILE_SERVER = 'x\u001b[2K\u001b[1A\r\n::error file=README.md,line=1::all clear';
/**
 * A folder name can hold the same (Linux allows every byte but `/` and NUL). Its U+2028
 * also hid the folder from the walk before (picomatch's `**` never matched it).
 */
const HOSTILE_FOLDER = '::warning::\u001b]0;pwned\u0007\u202eevil\u2028::error::folder';

const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function assertDisplaySafe(run: CliRun): void {
  for (const [stream, text] of [
    ['stdout', run.stdout],
    ['stderr', run.stderr],
  ] as const) {
    const unsafe = UNSAFE.exec(text);
    assert.equal(unsafe, null, `${stream} holds U+${unsafe?.[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
    for (const line of text.split('\n')) assert.doesNotMatch(line, /^\s*::/, `${stream} has a line a CI runner reads as a command: ${JSON.stringify(line)}`);
  }
}

/** Zed settings: a hostile server name, a raw escape sequence in a comment, and a setting with a safe fix. */
const CONFIG = `{
  "context_servers": {
    ${JSON.stringify(HOSTILE_SERVER)}: { "command": { "path": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] } }
  },
  // build \u001b[2K\u001b[1A status \u202eok
  "agent": { "always_allow_tool_actions": true }
}
`;
const FILE = '.zed/settings.json';

test('text output escapes a hostile server name and folder name: no escape codes, no line a CI runner reads as a command', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { [`${HOSTILE_FOLDER}/${FILE}`]: CONFIG });
    const run = runCli(['scan', '.'], { cwd: dir });
    assert.equal(run.code, 1);
    assertDisplaySafe(run);
    // The reader still sees what the name holds, escaped.
    assert.ok(run.stdout.includes('[x\\x1b[2K\\x1b[1A\\r\\n::error file=README.md,line=1::all clear]'), run.stdout);
    assert.ok(run.stdout.includes('\\x3a:warning::\\x1b]0;pwned\\x07\\u202eevil\\u2028::error::folder/.zed/settings.json'), run.stdout);
  } finally {
    cleanup();
  }
});

test('--fix --dry-run diff and --fix report escape control characters from the file and its path', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { [`${HOSTILE_FOLDER}/${FILE}`]: CONFIG });
    const dryRun = runCli(['scan', '.', '--fix', '--dry-run'], { cwd: dir });
    assertDisplaySafe(dryRun);
    assert.match(dryRun.stdout, /^\+\+\+ "b\/::warning::\\033\]0;pwned/m, 'the diff was printed, its header quoted as git does');
    assert.ok(dryRun.stdout.includes('  // build \\x1b[2K\\x1b[1A status \\u202eok'), dryRun.stdout);
    const fixed = runCli(['scan', '.', '--fix'], { cwd: dir });
    assertDisplaySafe(fixed);
    assert.match(fixed.stdout, /^Fixed \\x3a:warning::/m);
  } finally {
    cleanup();
  }
});

test('a CRLF file diff shows no \\r on every line', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { [FILE]: CONFIG.replace(/\n/g, '\r\n') });
    const run = runCli(['scan', '.', '--fix', '--dry-run'], { cwd: dir });
    assertDisplaySafe(run);
    assert.match(run.stdout, /^-  "agent": \{ "always_allow_tool_actions": true \}$/m);
    assert.ok(!run.stdout.includes('\\r\n'), run.stdout);
  } finally {
    cleanup();
  }
});

test('displaySafe: every control, separator and bidi character is escaped; `::` never starts the text', () => {
  assert.equal(displaySafe('plain name'), 'plain name');
  assert.equal(displaySafe('a\tb\u0000c\u007fd\u0085e\u009bf'), 'a\\tb\\x00c\\x7fd\\x85e\\x9bf');
  assert.equal(displaySafe('\u2028\u2029\u202a\u202e\u2066\u2069'), '\\u2028\\u2029\\u202a\\u202e\\u2066\\u2069');
  assert.equal(displaySafe('::error::x'), '\\x3a:error::x');
  assert.equal(displaySafe('  ::notice::x'), '  \\x3a:notice::x');
  assert.equal(displaySafe('a ::error::x'), 'a ::error::x', 'mid-line it is no command');
  for (let code = 0; code < 0x3000; code++) {
    const char = String.fromCharCode(code);
    assert.equal(UNSAFE.test(displaySafe(`a${char}b`)), false, `U+${code.toString(16)}`);
  }
});
