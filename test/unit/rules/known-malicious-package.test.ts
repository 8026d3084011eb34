import { test } from 'node:test';
import { expectFindings, expectClean } from '../launch/harness';

const ID = 'known-malicious-package';

test('malicious packages are errors whatever the version or launcher', () => {
  expectFindings(
    ID,
    {
      a: { command: 'npx', args: ['-y', 'postmark-mcp'] },
      b: { command: 'npx', args: ['-y', 'postmark-mcp@1.0.16'] },
      c: { command: 'uvx', args: ['mcp-runcommand-server2'] },
      d: { command: 'uv', args: ['run', '--with', 'Tiktoken_MCP==0.13.1', 'server.py'] },
      e: { command: 'npx', args: ['-y', 'postmark-mcp@1.0.15'] },
    },
    [
      {
        at: 'postmark-mcp',
        severity: 'error',
        message: /^Malicious package "postmark-mcp": remove the server and treat machines that ran it as compromised\..*MAL-2025-47604/,
      },
      { at: 'postmark-mcp@1.0.16', severity: 'error' },
      { at: 'mcp-runcommand-server2', severity: 'error', message: /every version/ },
      { at: 'Tiktoken_MCP==0.13.1', severity: 'error', message: /MAL-2026-5326/ },
      { at: 'postmark-mcp@1.0.15', severity: 'error', message: /outside the reported range, but the package is not trustworthy/ },
    ],
  );
});

test('genuine packages and similar but different names are not reported here', () => {
  expectClean(ID, {
    a: { command: 'npx', args: ['-y', '@activecampaign/postmark-mcp@1.0.0'] },
    b: { command: 'uvx', args: ['mcp-server-fetch==2025.1.1'] },
  });
});
