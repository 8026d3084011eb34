// Prints the folder-level import graph of server/src and every import that runs back up a
// layer (issue 14: at most three). Layers, ground first; a folder imports only its own
// layer and those below. Usage: node scripts/import-layers.mjs [--list]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LAYERS = [
  ['core', 'common'],
  ['data', 'parse'],
  ['secrets', 'launch', 'permissions', 'fixes', 'dialects'],
  ['rules'],
  ['engine'],
  ['policy', 'registry', 'host'],
  ['cli', 'handlers'],
  ['(entry)'],
];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'server', 'src');
const layerOf = (folder) => LAYERS.findIndex((names) => names.includes(folder));
const folderOf = (path) => {
  const rel = relative(root, path);
  return rel.includes('/') ? rel.split('/')[0] : '(entry)';
};

/** Every relative import of server/src as [from file, to file, from folder, to folder]. */
export function importEdges() {
  const edges = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) {
        for (const match of readFileSync(path, 'utf8').matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*)'(\.[^']*)'/g)) {
          let target = resolve(dirname(path), match[1]);
          if (existsSync(target) && statSync(target).isDirectory()) target = join(target, 'index.ts');
          else if (!target.endsWith('.ts')) target += '.ts';
          // A file naming itself is a comment quoting an import (common/zod.ts), not an edge.
          if (target !== path) edges.push([relative(root, path), relative(root, target), folderOf(path), folderOf(target)]);
        }
      }
    }
  };
  walk(root);
  return edges;
}

export function upwardImports(edges = importEdges()) {
  return edges.filter(([, , from, to]) => from !== to && layerOf(from) < layerOf(to));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const edges = importEdges();
  const unknown = [...new Set(edges.flatMap(([, , a, b]) => [a, b]))].filter((folder) => layerOf(folder) < 0);
  if (unknown.length) console.log(`folders with no layer: ${unknown.join(', ')}`);
  const folders = new Map();
  for (const [, , a, b] of edges) if (a !== b) folders.set(`${a} -> ${b}`, (folders.get(`${a} -> ${b}`) ?? 0) + 1);
  if (process.argv.includes('--list')) for (const [pair, n] of [...folders].sort()) console.log(`${pair} ${n}`);
  const up = upwardImports(edges);
  console.log(`${edges.length} imports, ${folders.size} folder pairs, ${up.length} running back up a layer:`);
  for (const [from, to] of up) console.log(`  ${from} -> ${to}`);
}
