import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, DIALECTS, LineIndex, type Fix } from '../../../server/src/engine';
import { parseDocument } from '../../../server/src/parse';
import { getValue, type TreeNode } from '../../../server/src/core/tree';
import { insertArrayElement, insertProperty } from '../../../server/src/fixes/nodeEdits';
import { loadCorpus, loadFixtures } from '../../fuzz/lib/corpus';
import { printedConfigArb } from '../../fuzz/lib/arbitraries';
import { dialectTargets } from '../../fuzz/lib/dialectPaths';
import { fuzzRuns, fuzzSeed } from '../../fuzz/lib/config';

/**
 * Edits, not re-serialisations (issue 18). For every fix of every finding:
 *  1. no edit rewrites text it keeps: inside an edit, the tokens common to the old and new
 *     text (its unchanged head and tail) keep the whitespace between them — jsonc-parser's
 *     `modify` turned a one-line `{ "type": "promptString", … }` into six lines this way;
 *  2. an insertion (an edit that removes nothing, or only a comma) is written like its
 *     neighbours: in a collection written on one line it adds no line break; where the
 *     member before (or after) it stands on its own line, the new member starts a line with
 *     that member's indentation; its line breaks are the file's; its `"key": ` spacing is
 *     the neighbours'.
 * (That every byte outside the edits is unchanged is checked by fixes.test.ts.)
 */

interface Token {
  text: string;
  /** The whitespace before the token. */
  space: string;
}

/** Strings, comments, punctuation and bare words, with the whitespace before each. */
function tokens(text: string): Token[] {
  const pattern = /(\s*)("(?:[^"\\\r\n]|\\.)*"?|'[^'\r\n]*'?|\/\/[^\r\n]*|\/\*[\s\S]*?(?:\*\/|$)|#[^\r\n]*|[[\]{},:=]|[^\s"'[\]{},:=]+)/g;
  const found: Token[] = [];
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) found.push({ space: match[1], text: match[2] });
  return found;
}

/** Describes how an edit re-lays out tokens it keeps, or undefined. */
function rewritesKeptText(before: string, after: string): string | undefined {
  const old = tokens(before);
  const now = tokens(after);
  let head = 0;
  while (head < old.length && head < now.length && old[head].text === now[head].text) head++;
  for (let i = 1; i < head; i++) {
    if (old[i].space !== now[i].space)
      return `whitespace before kept ${JSON.stringify(old[i].text)} changed from ${JSON.stringify(old[i].space)} to ${JSON.stringify(now[i].space)}`;
  }
  let tail = 0;
  while (tail < old.length - head && tail < now.length - head && old[old.length - 1 - tail].text === now[now.length - 1 - tail].text) tail++;
  for (let j = 0; j < tail - 1; j++) {
    const o = old[old.length - 1 - j];
    const n = now[now.length - 1 - j];
    if (o.space !== n.space) return `whitespace before kept ${JSON.stringify(o.text)} changed from ${JSON.stringify(o.space)} to ${JSON.stringify(n.space)}`;
  }
  return undefined;
}

/** The innermost array/object whose text strictly contains `offset`. */
function containerAt(root: TreeNode | undefined, offset: number): TreeNode | undefined {
  let found: TreeNode | undefined;
  let node = root;
  while (node) {
    if ((node.type === 'array' || node.type === 'object') && node.offset < offset && offset < node.offset + node.length) found = node;
    node = node.children?.find((child) => child.offset < offset && offset < child.offset + child.length);
  }
  return found;
}

function lineIndentOf(text: string, offset: number): string | undefined {
  const start = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const before = text.slice(start, offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/** `": "` between a key and its value in the first property of `object`, if it has one. */
function colonOf(text: string, object: TreeNode | undefined): string | undefined {
  const property = object?.type === 'object' ? object.children?.[0] : undefined;
  const [key, value] = property?.children ?? [];
  return key && value ? text.slice(key.offset + key.length, value.offset) : undefined;
}

/** Describes how an insertion differs from its neighbours' layout, or undefined. */
function insertionLayoutProblem(text: string, root: TreeNode | undefined, offset: number, inserted: string, json: boolean): string | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : text.includes('\n') ? '\n' : undefined;
  const breaks = inserted.match(/\r\n|\n|\r/g) ?? [];
  if (eol && breaks.some((b) => b !== eol)) return `line break ${JSON.stringify(breaks.find((b) => b !== eol))} in a file that uses ${JSON.stringify(eol)}`;
  const container = containerAt(root, offset);
  if (!container) return undefined;
  const bracketed = '[{'.includes(text.charAt(container.offset));
  if (bracketed && !/[\r\n]/.test(text.slice(container.offset, container.offset + container.length)) && breaks.length > 0)
    return 'a line break inserted into a collection written on one line';
  const children = container.children ?? [];
  const previous = [...children].reverse().find((child) => child.offset + child.length <= offset);
  const next = children.find((child) => child.offset >= offset);
  const neighbour = previous ?? next;
  const indent = neighbour && lineIndentOf(text, neighbour.offset);
  if (indent !== undefined && bracketed && !new RegExp(`(?:^|\\r\\n|\\n|\\r)${indent}\\S`).test(inserted)) {
    return `the new member does not start a line indented like its neighbour (${JSON.stringify(indent)})`;
  }
  if (json) {
    const sample = container.type === 'object' ? container : previous?.type === 'object' ? previous : undefined;
    const colon = colonOf(text, sample);
    const keyColon = /"(?:[^"\\]|\\.)*"([ \t]*:[ \t]*)/g;
    const first = keyColon.exec(inserted);
    if (colon !== undefined && /^[ \t]*:[ \t]*$/.test(colon) && first && first[1] !== colon)
      return `key spacing ${JSON.stringify(first[1])} where the neighbours write ${JSON.stringify(colon)}`;
  }
  return undefined;
}

interface Stats {
  files: number;
  fixes: number;
  edits: number;
  insertions: number;
  violations: string[];
}

function checkEdits(name: string, text: string, path: string, stats: Stats): void {
  const analysis = analyze(text, path);
  if (!analysis) return;
  stats.files++;
  const lines = new LineIndex(text);
  for (const finding of analysis.findings) {
    for (const fix of finding.fixes as Fix[]) {
      stats.fixes++;
      for (const edit of fix.edits) {
        stats.edits++;
        const start = lines.offsetAt(edit.range.start);
        const end = lines.offsetAt(edit.range.end);
        const removed = text.slice(start, end);
        const where = `${name} [${finding.ruleId}] fix "${fix.title}" at ${start}`;
        const rewrite = rewritesKeptText(removed, edit.newText);
        if (rewrite) stats.violations.push(`${where}: ${rewrite}`);
        if (/^[\s,]*$/.test(removed) && /\S/.test(edit.newText.replace(/,/g, ''))) {
          stats.insertions++;
          const problem = insertionLayoutProblem(text, analysis.doc.root, start, edit.newText, analysis.doc.syntax === 'json');
          if (problem) stats.violations.push(`${where}: ${problem}: ${JSON.stringify(edit.newText)}`);
        }
      }
    }
  }
}

const empty = (): Stats => ({ files: 0, fixes: 0, edits: 0, insertions: 0, violations: [] });
const summary = (label: string, s: Stats) =>
  console.log(`# ${label}: ${s.files} files, ${s.fixes} fixes, ${s.edits} edits (${s.insertions} insertions) checked`);

test(
  "every edit of every fix on the real corpus touches only what it changes, in its neighbours' layout",
  { skip: loadCorpus().length === 0 && 'corpus not on this machine' },
  () => {
    const stats = empty();
    for (const file of loadCorpus()) checkEdits(file.name, file.text, file.lintPath, stats);
    summary('corpus edit layout', stats);
    assert.deepEqual(stats.violations, []);
    assert.ok(stats.fixes > 0, 'no fix was checked');
  },
);

test("every edit of every fix on the fixtures touches only what it changes, in its neighbours' layout", () => {
  const stats = empty();
  for (const file of loadFixtures()) checkEdits(file.name, file.text, file.lintPath, stats);
  summary('fixture edit layout', stats);
  assert.deepEqual(stats.violations, []);
  assert.ok(stats.insertions > 0, 'no insertion was checked');
});

/** Generated configs at a path of `targets` (a dialect picked per case), checked edit by edit. */
function generatedEditsProperty(targets: ReturnType<typeof dialectTargets>, stats: Stats) {
  return fc.property(printedConfigArb, fc.nat(), (config, pick) => {
    const syntax = config.format === 'jsonc' ? 'json' : config.format;
    const candidates = targets.filter((t) => t.dialect.syntax === syntax);
    if (candidates.length === 0) return;
    const target = candidates[pick % candidates.length];
    const before = stats.violations.length;
    checkEdits(`generated ${config.format} as ${target.dialect.id}`, config.text, target.paths[pick % target.paths.length], stats);
    if (stats.violations.length > before) throw new Error(`${stats.violations.slice(before).join('\n')}\n--- input ---\n${config.text}`);
  });
}

test("property: every edit of every fix on generated configs (every syntax, every dialect, one-line or indented) keeps its neighbours' layout", () => {
  const stats = empty();
  fc.assert(generatedEditsProperty(dialectTargets(DIALECTS), stats), { seed: fuzzSeed(), numRuns: fuzzRuns(60), includeErrorInReport: true });
  summary('generated edit layout', stats);
  assert.ok(stats.edits > 0);
});

test("property: the ${input:} and inputs insertions on generated VS Code files (mcp.json, settings.json, devcontainer.json) follow the file's layout", () => {
  const stats = empty();
  const withInputs = dialectTargets(DIALECTS).filter((t) => t.dialect.schema?.inputsPath);
  fc.assert(generatedEditsProperty(withInputs, stats), { seed: fuzzSeed(), numRuns: fuzzRuns(80), includeErrorInReport: true });
  summary('generated inputs insertions', stats);
  assert.ok(stats.insertions > 0, 'no insertion was checked');
});

/** Keys and indexes from the root to `node`. */
function pathOf(node: TreeNode): Array<string | number> {
  const path: Array<string | number> = [];
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'property') path.unshift(parent.children![0].value as string);
    else if (parent.type === 'array') path.unshift(parent.children!.indexOf(child));
  }
  return path;
}

function nodeAt(root: TreeNode | undefined, path: ReadonlyArray<string | number>): TreeNode | undefined {
  let node = root;
  for (const step of path) node = typeof step === 'number' ? node?.children?.[step] : getValue(node, step);
  return node;
}

const PROBE = 'mcp-hygiene-probe';

/**
 * The primitives themselves on every array and object of a real file: each insertion removes
 * nothing but whitespace, the output parses with no new problem and holds the new member at
 * the same path, and the layout checks above hold. Declined insertions (block YAML…) are counted.
 */
function checkPrimitives(name: string, text: string, path: string, stats: Stats & { declined: number }): void {
  const syntax = analyze(text, path)?.doc.syntax;
  const doc = syntax && parseDocument(text, syntax);
  if (!doc || doc.problems.length > 0) return;
  stats.files++;
  const containers: TreeNode[] = [];
  const walk = (node: TreeNode) => {
    if (node.type === 'array' || node.type === 'object') containers.push(node);
    for (const child of node.children ?? []) walk(child);
  };
  if (doc.root) walk(doc.root);
  for (const container of containers) {
    // A key no container holds yet, so the insertion is a new member.
    const edits =
      container.type === 'array'
        ? insertArrayElement(container, PROBE, doc)
        : getValue(container, PROBE)
          ? undefined
          : insertProperty(container, PROBE, PROBE, doc);
    if (!edits) {
      stats.declined++;
      continue;
    }
    stats.insertions++;
    const where = `${name} at ${JSON.stringify(pathOf(container))}`;
    let out = text;
    for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) {
      if (!/^\s*$/.test(text.slice(edit.offset, edit.offset + edit.length)))
        stats.violations.push(`${where}: removes ${JSON.stringify(text.slice(edit.offset, edit.offset + edit.length))}`);
      const problem = /\S/.test(edit.content.replace(/,/g, ''))
        ? insertionLayoutProblem(text, doc.root, edit.offset, edit.content, syntax === 'json')
        : undefined;
      if (problem) stats.violations.push(`${where}: ${problem}: ${JSON.stringify(edit.content)}`);
      out = out.slice(0, edit.offset) + edit.content + out.slice(edit.offset + edit.length);
    }
    const after = parseDocument(out, syntax)!;
    if (after.problems.length > 0) {
      stats.violations.push(
        `${where}: the output does not parse (${after.problems[0].message}): ${JSON.stringify(out.slice(Math.max(0, edits[0].offset - 80), edits[0].offset + 120))}`,
      );
      continue;
    }
    const grown = nodeAt(after.root, pathOf(container));
    const added = container.type === 'array' ? grown?.children?.[grown.children.length - 1] : getValue(grown, PROBE);
    if (grown?.children?.length !== (container.children?.length ?? 0) + 1 || added?.value !== PROBE)
      stats.violations.push(`${where}: the new member is not where it belongs`);
  }
}

test(
  "the insertion primitives on every array and object of every corpus file and fixture: nothing removed, output parses, member in place, neighbours' layout",
  { skip: loadCorpus().length === 0 && 'corpus not on this machine' },
  () => {
    const stats = { ...empty(), declined: 0 };
    for (const file of [...loadCorpus(), ...loadFixtures()]) checkPrimitives(file.name, file.text, file.lintPath, stats);
    console.log(
      `# insertion primitives: ${stats.files} files, ${stats.insertions} insertions checked, ${stats.declined} declined (block YAML, TOML tables known only through a sub-table header, comment-only brackets)`,
    );
    assert.deepEqual(stats.violations.slice(0, 20), []);
    assert.ok(stats.insertions > 1000);
  },
);

test('the checks catch a re-serialised input and a line break in a one-line array', () => {
  assert.match(
    rewritesKeptText('{ "type": "promptString", "id": "gh-token" }', '{\n  "type": "promptString",\n  "id": "gh-token"\n}') ?? '',
    /whitespace before kept/,
  );
  assert.equal(rewritesKeptText('"Bearer abcdef"', '"Bearer ${input:token}"'), undefined);
  const text = '{"servers": {"s": {"command": "npx", "args": ["-y", "pkg"]}}}';
  const root = analyze(text, '/p/.vscode/mcp.json')!.doc.root;
  const offset = text.indexOf('"pkg"') + 5;
  assert.match(insertionLayoutProblem(text, root, offset, ',\n  "--flag"', true) ?? '', /one line/);
  assert.equal(insertionLayoutProblem(text, root, offset, ', "--flag"', true), undefined);
});
