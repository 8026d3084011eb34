import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/engine';
import { lintRule } from './_permissionTransport';

const RULE = 'schema-syntax-error';
// Claude Desktop reads its config as strict JSON: a trailing comma stops the whole file loading.
const CLAUDE_DESKTOP = '/home/dev/.config/Claude/claude_desktop_config.json';

test('trailing commas before } and ], also with line breaks and comments in between (strict JSON client)', () => {
  const text = [
    '{',
    '  "mcpServers": {',
    '    "memory": {',
    '      "command": "npx",',
    '      "args": ["-y", "@modelcontextprotocol/server-memory@2025.8.4", /* pinned */ ],',
    '    }, // the only server',
    '',
    '  }',
    '}',
  ].join('\n');
  const found = lintRule(RULE, CLAUDE_DESKTOP, text).filter((f) => f.message.startsWith('Trailing comma'));
  const lines = new LineIndex(text);
  const offsets = found.map((f) => lines.offsetAt(f.finding.range.start));
  // After the last argument (a comment before `]`), after "args" (a line break before `}`),
  // after the server (a line comment and a blank line before `}`).
  assert.deepEqual(offsets, [text.indexOf(', /* pinned */'), text.indexOf(',\n    }'), text.indexOf(', // the only server')]);
  assert.ok(found.every((f) => f.text === ','));
  // The only trailing comma of the file, hidden behind comments.
  const hidden = '{"mcpServers":{"s":{"command":"node","args":["server.js"] // why\n, /* end */\n}}}';
  assert.deepEqual(
    lintRule(RULE, CLAUDE_DESKTOP, hidden)
      .filter((f) => f.message.startsWith('Trailing comma'))
      .map((f) => f.text),
    [','],
  );
});

test('a comma before a brace inside a string, or one followed by more members, is not a trailing comma', () => {
  const text = '{"mcpServers":{"s":{"command":"node","args":["server.js","--pattern=a,}","--list=x,]"],"env":{"A":"1","B":"2"}}}}';
  assert.deepEqual(
    lintRule(RULE, CLAUDE_DESKTOP, text).map((f) => f.text),
    [],
  );
});
