import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { RedactingOutputChannel } from '../../client/src/redactingChannel';

function fakeChannel(lines: string[]): vscode.OutputChannel {
  let current = '';
  return {
    name: 'MCP Hygiene',
    append: (value: string) => void (current += value),
    appendLine: (value: string) => {
      lines.push(current + value);
      current = '';
    },
    replace: () => lines.splice(0),
    clear: () => lines.splice(0),
    show: () => undefined,
    hide: () => undefined,
    dispose: () => undefined,
  };
}

// What vscode-languageclient 9 writes for `mcpHygiene.trace.server`: "verbose" (text) and
// "verbose" + format "json". The document text (and any secret in it) must not get through.
const secret = ['gh', 'p_'].join('') + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';

test('text traces keep the headers and drop the params', () => {
  const lines: string[] = [];
  const channel = new RedactingOutputChannel(fakeChannel(lines));
  channel.appendLine("[Trace - 10:00:00 AM] Sending notification 'textDocument/didOpen'.");
  channel.appendLine(`Params: {"textDocument":{"text":"{\\"env\\":{\\"TOKEN\\":\\"${secret}\\"}}"}}`);
  channel.appendLine('');
  assert.equal(lines[0], "[Trace - 10:00:00 AM] Sending notification 'textDocument/didOpen'.");
  assert.ok(lines.every((line) => !line.includes(secret)));
});

test('JSON traces keep the prefix and drop the message body', () => {
  const lines: string[] = [];
  const channel = new RedactingOutputChannel(fakeChannel(lines));
  channel.append('[LSP   - 10:00:00 AM] ');
  channel.appendLine(JSON.stringify({ type: 'send-notification', message: { params: { textDocument: { text: secret } } } }));
  assert.equal(lines.length, 1);
  assert.ok(lines[0].startsWith('[LSP   - 10:00:00 AM]'));
  assert.ok(!lines[0].includes(secret));
});

test('never clears the shared output channel', () => {
  const lines = ['kept'];
  const channel = new RedactingOutputChannel(fakeChannel(lines));
  channel.clear();
  channel.replace();
  assert.deepEqual(lines, ['kept']);
});
