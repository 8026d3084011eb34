/**
 * A registry URL's path can hold a token (`registry=http://host/<token>/` in an `.npmrc`):
 * `--pin` messages show scheme, host and port only. A project `.npmrc` cannot put the
 * user's environment variables into a lookup URL.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mainAsync } from '../../server/src/cli/main';
import { startLoopbackRegistry, type LoopbackRegistry } from './loopbackServers';

let registry: LoopbackRegistry;
before(async () => {
  registry = await startLoopbackRegistry();
});
after(async () => {
  await registry.close();
});

/** Made at run time so no literal token sits in the repository. */
const TOKEN = ['npm', 'Q7vT2kXw9LmR4sPz', 'A8dF3hJ6'].join('_');

function assertNoTokenPart(output: string): void {
  for (let i = 0; i + 5 <= TOKEN.length; i++) assert.ok(!output.includes(TOKEN.slice(i, i + 5)), `the output holds "${TOKEN.slice(i, i + 3)}…" of the token`);
}

async function pinIn(npmrc: string, env: Record<string, string>): Promise<{ code: number; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-hygiene-npmrc-token-'));
  try {
    mkdirSync(join(dir, '.vscode'));
    writeFileSync(join(dir, '.vscode', 'mcp.json'), '{ "servers": { "gone": { "command": "npx", "args": ["-y", "no-such-package-here"] } } }\n');
    writeFileSync(join(dir, '.npmrc'), npmrc);
    let output = '';
    const write = (text: string) => (output += text);
    const code = await mainAsync(['scan', '--fix', '--network', '--pin', '--fail-on', 'none', '.'], {
      cwd: dir,
      env: { HOME: join(dir, 'no-home'), ...env },
      stdout: { write },
      stderr: { write },
    });
    return { code, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a registry that 404s under a token path: the message names scheme, host and port only', async () => {
  const before = registry.requests.length;
  const { code, output } = await pinIn(`registry=${registry.url}/npm/${TOKEN}/\n`, {});
  assert.equal(code, 0, output);
  const asked = registry.requests.slice(before).map((r) => r.url);
  assert.deepEqual(asked, [`/npm/${TOKEN}/no-such-package-here`], 'the lookup went to the .npmrc registry');
  assert.ok(output.includes(`Cannot pin no-such-package-here in .vscode/mcp.json: Package "no-such-package-here" was not found in ${registry.url}.`), output);
  assertNoTokenPart(output);
});

test('a project .npmrc putting an environment variable into the registry URL is refused before any request', async () => {
  const before = registry.requests.length;
  const { code, output } = await pinIn(`registry=${registry.url}/npm/\${NPM_TOKEN}/\n`, { NPM_TOKEN: TOKEN });
  assert.equal(code, 0, output);
  assert.equal(registry.requests.length, before, 'nothing was sent');
  assert.match(output, /Cannot pin no-such-package-here in \.vscode\/mcp\.json: .*\.npmrc sets registry with an environment variable\./);
  assertNoTokenPart(output);
});
