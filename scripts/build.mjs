// Bundles the extension client, the language server and the CLI with esbuild (node, cjs),
// so neither the VSIX nor the npm package needs runtime node_modules.
// Usage: node scripts/build.mjs [--cli-only] [--watch] [--production]
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync } from 'node:fs';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');

const entries = [
  // dist/cli.js is the small loader that reads dist/cli-main.js through V8's code cache.
  { in: 'server/src/cli.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'server/src/cli-main.ts', out: 'cli-main' },
  ...(args.has('--cli-only')
    ? []
    : [
        // dist/server.js is the small loader that reads dist/server-main.js through V8's code cache.
        { in: 'server/src/server.ts', out: 'server' },
        { in: 'server/src/server-main.ts', out: 'server-main' },
        { in: 'client/src/extension.ts', out: 'client' },
      ]),
].filter((entry) => existsSync(entry.in));

await Promise.all(
  entries.map((entry) =>
    esbuild.build({
      entryPoints: [entry.in],
      outfile: `dist/${entry.out}.js`,
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      // jsonc-parser's "main" is a UMD build esbuild cannot follow; its ESM build bundles cleanly.
      mainFields: ['module', 'main'],
      external: ['vscode'],
      sourcemap: !production,
      minify: production,
      legalComments: 'none',
      logLevel: 'warning',
      banner: entry.banner ? { js: entry.banner } : undefined,
    }),
  ),
);

// vscode-languageclient kills a server that outlives `stop()` with a script it expects next
// to its own code: in the bundle that is dist/ (shipped via .vscodeignore).
if (entries.some((entry) => entry.out === 'client')) {
  copyFileSync('node_modules/vscode-languageclient/lib/node/terminateProcess.sh', 'dist/terminateProcess.sh');
}
