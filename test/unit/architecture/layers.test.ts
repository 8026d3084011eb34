/**
 * Issue 14's structure: folders in layers (scripts/import-layers.mjs: core and common at the
 * ground, then data and parse; secrets, launch, permissions, fixes, dialects; rules; engine;
 * policy, registry, host; cli and handlers; the entry points), no import that runs back up a
 * layer, and no circle between files or between folders.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error: a plain ES module script, also run on its own (node scripts/import-layers.mjs)
import { importEdges, upwardImports, LAYERS } from '../../../scripts/import-layers.mjs';

type Edge = [string, string, string, string];
const edges = importEdges() as Edge[];

test('every folder has a layer, and no import runs back up a layer', () => {
  const layered = new Set((LAYERS as string[][]).flat());
  assert.deepEqual(
    [...new Set(edges.flatMap(([, , a, b]) => [a, b]))].filter((folder) => !layered.has(folder)),
    [],
  );
  assert.deepEqual(
    (upwardImports(edges) as Edge[]).map(([from, to]) => `${from} -> ${to}`),
    [],
  );
  assert.ok(edges.length > 900, `only ${edges.length} imports read`);
});

test('no circle between files, none between folders', () => {
  const graph = new Map<string, string[]>();
  for (const [from, to] of edges) graph.set(from, [...(graph.get(from) ?? []), to]);
  const state = new Map<string, 'open' | 'done'>();
  const circles: string[] = [];
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      circles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
      return;
    }
    state.set(file, 'open');
    for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file, []);
  assert.deepEqual(circles, []);
  const folders = new Set(edges.filter(([, , a, b]) => a !== b).map(([, , a, b]) => `${a} -> ${b}`));
  assert.deepEqual(
    [...folders].filter((pair) => folders.has(pair.split(' -> ').reverse().join(' -> '))),
    [],
  );
});
