// Bundles the extension client, the language server and the CLI with esbuild (node, cjs),
// so neither the VSIX nor the npm package needs runtime node_modules.
// Usage: node scripts/build.mjs [--cli-only] [--watch] [--production]
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';

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

// jsonc-parser declares no `sideEffects`, so esbuild keeps its formatter's module body, which
// builds ~1 200 indentation strings at load (~1.2 ms of every CLI and server start) although
// we never format. Its modules only define functions and tables: safe to drop when unused.
const pureJsoncParser = {
  name: 'pure-jsonc-parser',
  setup(build) {
    build.onResolve({ filter: /^\.\/impl\/|^\.\/[a-z-]+$/ }, async (args) => {
      if (!/[\\/]jsonc-parser[\\/]lib[\\/]esm[\\/]/.test(args.importer) || args.pluginData === 'pure') return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'pure' });
      return resolved.errors.length > 0 ? undefined : { path: resolved.path, sideEffects: false };
    });
  },
};

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
      plugins: [pureJsoncParser],
    }),
  ),
);

// vscode-languageclient kills a server that outlives `stop()` with a script it expects next
// to its own code: in the bundle that is dist/ (shipped via .vscodeignore).
if (entries.some((entry) => entry.out === 'client')) {
  copyFileSync('node_modules/vscode-languageclient/lib/node/terminateProcess.sh', 'dist/terminateProcess.sh');
}

// Node reads a pure-ASCII bundle about twice as fast as one with a single other character
// (UTF-8 decoding takes the slow path), and every CLI and server start reads one. esbuild
// escapes non-ASCII in strings but leaves regular expression literals as written: spell
// such characters as \uXXXX there.
if (production) {
  for (const entry of entries) {
    const code = readFileSync(`dist/${entry.out}.js`);
    const at = code.findIndex((byte) => byte > 0x7f);
    if (at >= 0) {
      const context = code.subarray(Math.max(0, at - 60), at + 20).toString('utf8');
      throw new Error(`dist/${entry.out}.js is not pure ASCII near: ${context}\nWrite the character as a \\u escape in the source.`);
    }
  }
}
