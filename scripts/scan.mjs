// `npm run scan [-- args]`: builds the CLI bundle, then runs `mcp-hygiene scan`.
// With no arguments it scans the bundled examples/, the README's demo.
import { spawnSync } from 'node:child_process';

const build = spawnSync(process.execPath, ['scripts/build.mjs', '--cli-only'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 2);
const args = process.argv.slice(2);
const result = spawnSync(process.execPath, ['dist/cli.js', 'scan', ...(args.length ? args : ['examples'])], { stdio: 'inherit' });
process.exit(result.status ?? 2);
