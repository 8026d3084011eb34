import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient, fakeGithubToken } from './harness';

const URI = 'file:///p/.vscode/mcp.json';
const text = `{
  // Team servers
  "servers": {
    "github": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-github@0.6.2"],
      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${fakeGithubToken()}" }
    }
  }
}
`;

test('smoke pull', async () => {
  const client = await TestClient.start({ pull: true });
  await client.open(URI, text);
  const items = await client.pullItems(URI);
  console.log(JSON.stringify(items, null, 1));
  assert.ok(items.length > 0);
  await client.stop();
});

test('smoke push', async () => {
  const client = await TestClient.start({ pull: false });
  await client.open(URI, text);
  const items = await client.pushed(URI, 1);
  assert.ok(items.length > 0);
  await client.stop();
});
