/**
 * A long lint never blocks the other requests (handlers/lintQueue.ts). "Large" is lowered
 * to 1 000 bytes here (StartServerOptions.inlineLintMaxBytes), so a realistic config padded
 * with servers stands in for a multi-MB one: the assertions are about order, never time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource, DocumentDiagnosticRequest, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { withClient, type TestClient } from './harness';
import { MCP_JSON, TOKEN, tokenRange } from './fixtures';
import { ruleById } from '../../server/src/rules';
import type { Rule } from '../../server/src/core/rule';

const SMALL_URI = 'file:///p/.vscode/mcp.json';
const BIG_URI = 'file:///p/big/.vscode/mcp.json';
const INLINE_LINT_MAX_BYTES = 1000;

/** MCP_JSON with `count` more pinned servers after the one holding the token. */
function bigConfig(count: number): string {
  const extra = Array.from({ length: count }, (_, i) => `,\n    "tool-${i}": { "command": "npx", "args": ["-y", "@acme/tool-${i}@1.0.${i}"] }`).join('');
  return MCP_JSON.replace(/\n    }\n  }\n}\n$/, `\n    }${extra}\n  }\n}\n`);
}

const BIG_V1 = bigConfig(20);
const BIG_V2 = bigConfig(21);
const BIG_V3 = bigConfig(22);

test('the fixture is large for these tests and the small one is not', () => {
  assert.ok(Buffer.byteLength(BIG_V1) > INLINE_LINT_MAX_BYTES);
  assert.ok(Buffer.byteLength(MCP_JSON) <= INLINE_LINT_MAX_BYTES);
});

/** Opens both documents and waits until each was linted once. */
async function openBoth(client: TestClient, pull: boolean): Promise<void> {
  await client.open(SMALL_URI, MCP_JSON);
  await client.open(BIG_URI, BIG_V1);
  if (pull) {
    await client.pullItems(SMALL_URI);
    await client.pullItems(BIG_URI);
  } else {
    await client.pushed(SMALL_URI, 1);
    await client.pushed(BIG_URI, 1);
  }
}

test('push: a hover on a small document is answered before the diagnostics of a large document edited just before it', async () => {
  await withClient({ pull: false, inlineLintMaxBytes: INLINE_LINT_MAX_BYTES }, async (client) => {
    await openBoth(client, false);
    const order: string[] = [];
    const version = await client.change(BIG_URI, BIG_V2);
    const big = client.pushed(BIG_URI, version).then((diagnostics) => {
      order.push('big diagnostics');
      return diagnostics;
    });
    const hover = client.hover(SMALL_URI, { line: 4, character: 8 }).then((result) => {
      order.push('hover');
      return result;
    });
    const [diagnostics, hoverResult] = await Promise.all([big, hover]);
    assert.deepEqual(order, ['hover', 'big diagnostics']);
    assert.match(JSON.stringify(hoverResult?.contents), /server-github/);
    // The large document's diagnostics are still complete and current.
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range]),
      [['secret-in-env', tokenRange(BIG_V2)]],
    );
    assert.ok(!JSON.stringify(diagnostics).includes(TOKEN), 'no secret value in the diagnostics');
  });
});

test('pull: a hover sent after a pull of a large document is answered first', async () => {
  await withClient({ pull: true, inlineLintMaxBytes: INLINE_LINT_MAX_BYTES }, async (client) => {
    await openBoth(client, true);
    const order: string[] = [];
    await client.change(BIG_URI, BIG_V2);
    const big = client.pull(BIG_URI).then((report) => {
      order.push('big diagnostics');
      return report;
    });
    const hover = client.hover(SMALL_URI, { line: 4, character: 8 }).then(() => order.push('hover'));
    const [report] = await Promise.all([big, hover]);
    assert.deepEqual(order, ['hover', 'big diagnostics']);
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.kind === 'full' && report.items.map((d) => d.range), [tokenRange(BIG_V2)]);
  });
});

test('pull: a cancelled pull of a large document is answered "cancelled" before its lint runs; the next pull gets the diagnostics', async () => {
  await withClient({ pull: true, inlineLintMaxBytes: INLINE_LINT_MAX_BYTES }, async (client) => {
    await openBoth(client, true);
    const lintsBefore = client.server.cache.lintCount;
    await client.change(BIG_URI, BIG_V2);
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: BIG_URI } }, source.token);
    source.cancel();
    const error = await pending.then(
      () => assert.fail('the cancelled pull must not be answered with a report'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ResponseError);
    assert.equal(error.code, LSPErrorCodes.RequestCancelled);
    assert.equal(client.server.cache.lintCount, lintsBefore, 'answered while the lint was still queued');

    const items = await client.pullItems(BIG_URI);
    assert.deepEqual(
      items.map((d) => d.range),
      [tokenRange(BIG_V2)],
    );
    assert.equal(client.server.cache.lintCount, lintsBefore + 1, 'the queued lint was reused, not run twice');
  });
});

test('pull: when the large document changes while its lint is queued, the pull is answered ServerCancelled (retrigger), never with the old diagnostics', async () => {
  await withClient({ pull: true, inlineLintMaxBytes: INLINE_LINT_MAX_BYTES }, async (client) => {
    await openBoth(client, true);
    await client.change(BIG_URI, BIG_V2);
    const stale = client.pull(BIG_URI);
    await client.change(BIG_URI, BIG_V3);
    const error = await stale.then(
      () => assert.fail('diagnostics of version 2 must not be answered for version 3'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ResponseError);
    assert.equal(error.code, LSPErrorCodes.ServerCancelled);
    assert.deepEqual(error.data, { retriggerRequest: true });

    const items = await client.pullItems(BIG_URI);
    assert.deepEqual(
      items.map((d) => d.range),
      [tokenRange(BIG_V3)],
    );
  });
});

test('pull: a queued lint of a version the client already edited past is skipped, and only the newest version is linted', async () => {
  await withClient({ pull: true, inlineLintMaxBytes: INLINE_LINT_MAX_BYTES }, async (client) => {
    await openBoth(client, true);
    const lintsBefore = client.server.cache.lintCount;
    await client.change(BIG_URI, BIG_V2);
    const old = client.pull(BIG_URI);
    await client.change(BIG_URI, BIG_V3);
    const current = client.pull(BIG_URI);
    const error = await old.then(
      () => assert.fail('the pull of version 2 must not be answered with a report'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ResponseError);
    assert.equal(error.code, LSPErrorCodes.ServerCancelled);
    const report = await current;
    assert.deepEqual(report.kind === 'full' && report.items.map((d) => d.range), [tokenRange(BIG_V3)]);
    assert.equal(client.server.cache.lintCount, lintsBefore + 1, 'version 2 was never linted');
  });
});

/**
 * The first rule to run; on the large document it calls `onLargeLint` from inside the
 * lint, so the test can send a request while that lint is running.
 */
function signallingRule(onLargeLint: () => void): Rule {
  return {
    id: 'test-signals',
    meta: { category: 'other', defaultSeverity: 'warning', description: 'test', fixable: false, owasp: [], threat: 'test' },
    check(context) {
      if (context.filePath.includes('/big/')) onLargeLint();
    },
  };
}

test('a hover sent while a large lint is running is answered before that lint ends: the lint pauses between rules', async () => {
  const order: string[] = [];
  let client: TestClient | undefined;
  let hover: Promise<unknown> | undefined;
  // Most of the registry after the signalling rule: the lint has many steps left when the hover arrives.
  const rules = [
    signallingRule(() => {
      if (hover || !client) return;
      order.push('large lint running');
      hover = client.hover(SMALL_URI, { line: 4, character: 8 }).then((result) => {
        order.push('hover');
        return result;
      });
    }),
    ...[
      'secret-in-env',
      'unpinned-npm-package',
      'unpinned-python-package',
      'broad-filesystem-access',
      'insecure-http-remote',
      'schema-unknown-key',
      'schema-unexpanded-variable',
      'deprecated-server',
    ].map((id) => ruleById(id)!),
  ];
  await withClient({ pull: false, inlineLintMaxBytes: INLINE_LINT_MAX_BYTES, rules }, async (c) => {
    await c.open(SMALL_URI, MCP_JSON);
    await c.pushed(SMALL_URI, 1);
    client = c;
    await c.open(BIG_URI, BIG_V1);
    const diagnostics = await c.pushed(BIG_URI, 1);
    order.push('large lint done');
    assert.ok(hover, 'the signalling rule ran on the large document');
    assert.match(JSON.stringify(await hover), /server-github/);
    assert.deepEqual(order, ['large lint running', 'hover', 'large lint done']);
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'secret-in-env').map((d) => d.range),
      [tokenRange(BIG_V1)],
    );
  });
});
