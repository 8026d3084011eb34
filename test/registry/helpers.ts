/**
 * Shared by the registry tests: run the whole pin path the server and CLI take (analyze ->
 * pin target of the unpinned finding -> registry lookup -> edit) and check the fix
 * invariants on the result.
 */
import assert from 'node:assert/strict';
import { analyze, applyTextEdits, LineIndex, pinTargetOf, type Settings } from '../../server/src/engine';
import { lookupPinVersion, type AdvisorySource, type LookupContext, type LookupResult } from '../../server/src/registry';
import type { Advisory } from '../../server/src/data';

const UNPINNED = new Set(['unpinned-npm-package', 'unpinned-python-package', 'unpinned-container-image', 'unpinned-git-source']);

export function advisoryFor(ecosystem: string, name: string, affected: string): AdvisorySource {
  const advisory: Advisory = {
    id: 'GHSA-test-pin',
    aliases: [],
    ecosystem,
    package: name,
    affected,
    fixed: null,
    malicious: false,
    severity: 'error',
    summary: 'test',
    url: 'https://example.invalid',
  };
  return (eco, pkg) => (eco === ecosystem && pkg === name ? [advisory] : []);
}

export async function pinAndCheck(
  text: string,
  path: string,
  options: { settings: Settings; advisories?: AdvisorySource; context?: Partial<LookupContext> },
): Promise<{ fixed: string; result: LookupResult }> {
  const analysis = analyze(text, path, options.settings);
  assert.ok(analysis, `${path} is an MCP config`);
  const finding = analysis.findings.find((f) => UNPINNED.has(f.ruleId));
  assert.ok(finding, `an unpinned finding in ${text}`);
  const lines = new LineIndex(text);
  const target = pinTargetOf(analysis, finding);
  assert.ok(target, `a pin target for ${finding.ruleId}`);
  const result = await lookupPinVersion(target, {
    settings: options.settings,
    configFile: path,
    ...(options.advisories ? { advisories: options.advisories } : {}),
    timeoutMs: 10_000,
    ...options.context,
  });
  const edit = target.edit(result.version);
  assert.ok(edit, `an edit for ${result.version}`);
  const fixed = applyTextEdits(text, [{ range: lines.rangeAt(edit.offset, edit.length), newText: edit.content }]);
  checkInvariants(text, fixed, path, options.settings, edit, finding.ruleId, finding.server);
  // Pinning again with the same version is a no-op: the target is gone.
  const again = analyze(fixed, path, options.settings)!;
  assert.equal(
    again.findings.filter((f) => f.ruleId === finding.ruleId && f.server === finding.server && pinTargetOf(again, f)?.name === target.name).length,
    0,
    'nothing left to pin',
  );
  return { fixed, result };
}

/** Output parses, bytes outside the edit unchanged, the finding gone, nothing new. */
export function checkInvariants(
  before: string,
  after: string,
  path: string,
  settings: Settings,
  edit: { offset: number; length: number },
  ruleId: string,
  server: string | null,
): void {
  assert.equal(after.slice(0, edit.offset), before.slice(0, edit.offset), 'bytes before the edit unchanged');
  const tail = before.length - edit.offset - edit.length;
  assert.equal(after.slice(after.length - tail), before.slice(before.length - tail), 'bytes after the edit unchanged');
  const was = analyze(before, path, settings)!;
  const now = analyze(after, path, settings);
  assert.ok(now, 'still an MCP config');
  assert.deepEqual(now.doc.problems, [], 'the pinned output parses');
  assert.equal(
    now.findings.filter((f) => f.ruleId === ruleId && f.server === server).length,
    was.findings.filter((f) => f.ruleId === ruleId && f.server === server).length - 1,
    'the unpinned finding is gone',
  );
  const count = (list: typeof was.findings) => list.reduce((m, f) => m.set(f.ruleId, (m.get(f.ruleId) ?? 0) + 1), new Map<string, number>());
  const wasCount = count(was.findings);
  for (const [id, n] of count(now.findings)) assert.ok(n <= (wasCount.get(id) ?? 0), `no new ${id} finding`);
}
