import { test } from 'node:test';
import { expectFindings, expectClean, settingsWith } from '../launch/harness';

const ID = 'custom-package-registry';

test('registry and index options and environment variables', () => {
  expectFindings(
    ID,
    {
      a: { command: 'npx', args: ['--registry', 'http://registry.evil.example', 'pkg@1.0.0'] },
      b: { command: 'uvx', args: ['--extra-index-url', 'https://pypi.acme.example/simple', 'pkg==1.0'] },
      c: { command: 'uvx', args: ['--index-url=https://mirror.example/simple', '--allow-insecure-host', 'mirror.example', 'pkg==1.0'] },
      d: {
        command: 'npx',
        args: ['pkg@1.0.0'],
        env: { NPM_CONFIG_REGISTRY: 'https://npm.internal.example', PIP_INDEX_URL: 'http://localhost:8080/simple', GOSUMDB: 'off' },
      },
    },
    [
      { at: 'http://registry.evil.example', severity: 'error', message: /plain HTTP from "registry\.evil\.example"/ },
      { at: 'https://pypi.acme.example/simple', severity: 'warning', message: /dependency-confusion/ },
      { at: '--index-url=https://mirror.example/simple', piece: 'https://mirror.example/simple', severity: 'warning', message: /not the public registry/ },
      { at: 'mirror.example', severity: 'error', message: /TLS errors/ },
      { at: 'https://npm.internal.example', severity: 'warning', message: /NPM_CONFIG_REGISTRY/ },
      { at: 'http://localhost:8080/simple', severity: 'information', message: /on this machine/ },
      { at: 'off', severity: 'warning', message: /Go checksum check off/ },
    ],
  );
});

test('the public registries, variables and trusted hosts are fine', () => {
  expectClean(ID, {
    a: { command: 'npx', args: ['--registry', 'https://registry.npmjs.org', 'chrome-devtools-mcp@0.18.1'] },
    b: { command: 'uvx', args: ['--index-url', 'https://pypi.org/simple', 'pkg==1'] },
    c: { command: 'npx', args: ['pkg@1.0.0'], env: { npm_config_registry: '${env:REGISTRY}' } },
  });
  expectClean(
    ID,
    { a: { command: 'npx', args: ['--registry=https://npm.acme.example/', 'pkg@1.0.0'] } },
    { settings: settingsWith({ trustedHosts: ['acme.example'] }), dialects: ['vscode', 'continue'] },
  );
});
