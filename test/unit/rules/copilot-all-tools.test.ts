import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean } from './_permissionTransport';

const RULE = 'copilot-all-tools';

test('tools ["*"] in the coding agent and Copilot CLI configs', () => {
  const agent = '{"mcpServers":{"sentry":{"type":"local","command":"npx","args":["@sentry/mcp-server@0.1.0"],"tools":["*"]}}}';
  const [finding] = lintRule(RULE, '/repo/.github/copilot/mcp.json', agent);
  assert.equal(finding.text, '"*"');
  assert.equal(finding.severity, 'warning');
  assert.deepEqual(
    lintRule(RULE, '/home/u/.copilot/mcp-config.json', '{"mcpServers":{"s":{"type":"http","url":"https://x.example/mcp","tools":["*"]}}}').map((f) => f.text),
    ['"*"'],
  );
});

test('a Copilot-shaped entry in a file only the generic dialect reads', () => {
  const text = '{"mcpServers":{"tf":{"type":"local","command":"docker","args":["run","-i","hashicorp/terraform-mcp-server"],"tools":["*"]}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.devcontainer/mcp.json', text).map((f) => f.text),
    ['"*"'],
  );
});

test('valid: named tools; Gemini includeTools is not a Copilot list', () => {
  assertClean(RULE, '/repo/.github/copilot/mcp.json', '{"mcpServers":{"s":{"type":"local","command":"x","tools":["get_issue_details"]}}}');
  assertClean(RULE, '/repo/.gemini/settings.json', '{"mcpServers":{"s":{"command":"x","includeTools":["*"]}}}');
});
