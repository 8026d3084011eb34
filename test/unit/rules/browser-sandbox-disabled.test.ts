import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean } from './_permissionTransport';

const RULE = 'browser-sandbox-disabled';

test('--no-sandbox as an argument (VS Code) and inside an env value (Cursor)', () => {
  assert.deepEqual(
    lintRule(RULE, '/repo/.vscode/mcp.json', '{"servers":{"pw":{"command":"npx","args":["@playwright/mcp@0.0.41","--no-sandbox"]}}}').map((f) => [
      f.text,
      f.severity,
    ]),
    [['"--no-sandbox"', 'warning']],
  );
  const cursor =
    '{"mcpServers":{"pp":{"command":"npx","args":["-y","puppeteer-mcp@1.0.0"],"env":{"PUPPETEER_LAUNCH_OPTIONS":"{ \\"args\\": [] }","CHROME_FLAGS":"--headless --disable-web-security"}}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.cursor/mcp.json', cursor).map((f) => f.text),
    ['--disable-web-security'],
  );
});

test('inside a container --no-sandbox is information', () => {
  const found = lintRule(
    RULE,
    '/repo/.mcp.json',
    '{"mcpServers":{"pw":{"command":"docker","args":["run","-i","mcr.microsoft.com/playwright/mcp","--no-sandbox"]}}}',
  );
  assert.deepEqual(
    found.map((f) => [f.text, f.severity]),
    [['"--no-sandbox"', 'information']],
  );
});

test('valid: sandboxed browser flags', () => {
  assertClean(RULE, '/repo/.mcp.json', '{"mcpServers":{"pw":{"command":"npx","args":["@playwright/mcp@0.0.41","--headless","--isolated"]}}}');
});
