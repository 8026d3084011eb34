/**
 * Realistic findings of every rule, for message checks: the real corpus (each file linted at
 * its original path), the test fixtures, and the labelled quality sets.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lint, parsePolicy, type Finding, type LintOptions } from '../../../server/src/engine';
import { tokenOf, Rng, URLSAFE, HEX } from '../secrets/tokens';
import { buildQualitySet } from '../quality/labelled';
import { buildLauncherSet } from '../quality/launchersSet';
import { buildSecretTiersSet } from '../quality/secretTiersSet';
import { buildPathsTransportSet } from '../quality/pathsTransportSet';
import { matrixRows } from '../remediation/matrix';

const ROOT = resolve(__dirname, '..', '..', '..');

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(?:jsonc?|ya?ml|toml)$/.test(name)) yield path;
  }
}

/** One file to lint: its text, the path it is linted at, and the options it needs. */
export interface RealisticInput {
  path: string;
  text: string;
  options?: LintOptions;
}

/**
 * The inputs behind `realisticFindings`. `fixturePath` maps a fixture's file path to the path
 * it is linted at (the differential test uses one that does not depend on the checkout).
 */
export function realisticInputs(fixturePath: (file: string) => string = (file) => file): RealisticInput[] {
  const inputs: RealisticInput[] = [];
  const corpus = resolve(ROOT, '..', 'shared', 'corpus', 'real');
  for (const line of readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1).filter(Boolean)) {
    const [file, repo, path] = line.split('\t');
    inputs.push({ text: readFileSync(join(corpus, file), 'utf8'), path: `/${repo}/${path}` });
  }
  for (const path of files(join(ROOT, 'test', 'fixtures', 'dialects'))) inputs.push({ text: readFileSync(path, 'utf8'), path: fixturePath(path) });
  for (const c of [...buildQualitySet(), ...buildLauncherSet(), ...buildSecretTiersSet(), ...buildPathsTransportSet()])
    inputs.push({ text: c.text, path: c.path });
  for (const row of matrixRows()) inputs.push({ text: row.text, path: row.path });
  for (const c of ruleCases()) inputs.push({ text: c.text, path: c.path, ...(c.policy ? { options: { policy: parsePolicy(c.policy).policy } } : {}) });
  return inputs;
}

export function realisticFindings(): Finding[] {
  return realisticInputs().flatMap((input) => lint(input.text, input.path, undefined, input.options));
}

/**
 * Files for the rules nothing above reaches (OAuth client secrets, host credentials, secrets
 * in comments, the allow-list, suppressions, remote entries without a URL, comments in
 * strict JSON), written as users write them, with long names.
 */
function ruleCases(): Array<{ text: string; path: string; policy?: unknown }> {
  const ghp = tokenOf('github-classic', 91);
  const clientSecret = new Rng(92).chars(URLSAFE, 40);
  const opaque = new Rng(93).chars(HEX, 40);
  const ws = '/home/dev/projects/customer-portal-integration-platform';
  return [
    {
      path: `${ws}/.cursor/mcp.json`,
      text: `{\n  "mcpServers": {\n    "internal-analytics-warehouse-reporting-api": { "url": "https://mcp.analytics.example.com/mcp", "auth": { "CLIENT_ID": "mcp-cli", "CLIENT_SECRET": "${clientSecret}" } }\n  }\n}\n`,
    },
    {
      path: `${ws}/.gemini/settings.json`,
      text: `{ "mcpServers": { "salesforce-crm-production-readonly-connector": { "httpUrl": "https://mcp.crm.example.com/mcp", "oauth": { "enabled": true, "clientId": "cli", "clientSecret": "${clientSecret}" } } } }`,
    },
    {
      path: `${ws}/.vscode/mcp.json`,
      text: `{\n  "servers": { "git-repository-operations-with-ssh-agent": { "command": "docker", "args": ["run", "-i", "--rm", "-v", "\${env:SSH_AUTH_SOCK}:/ssh-agent", "example/git-mcp:1.0.0"] } }\n}\n`,
    },
    {
      path: `${ws}/.mcp.json`,
      text: `{ "mcpServers": { "aws-infrastructure-cost-explorer-and-billing": { "command": "uvx", "args": ["awslabs.core-mcp-server@1.0.0"], "env": { "AWS_SESSION_TOKEN": "\${AWS_SESSION_TOKEN}", "AWS_PROFILE": "mcp-readonly" } } } }`,
    },
    {
      path: `${ws}/.codex/config.toml`,
      text: `[mcp_servers.git-with-agent-forwarding]\ncommand = "uvx"\nargs = ["mcp-server-git==0.6.2"]\nenv_vars = ["SSH_AUTH_SOCK"]\n`,
    },
    {
      path: `${ws}/.vscode/mcp.json`,
      text: `{\n  "servers": {\n    "github": {\n      "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@0.6.2"],\n      // "GITHUB_PERSONAL_ACCESS_TOKEN": "${ghp}",\n      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "\${input:github-pat}" }\n    }\n  },\n  "inputs": [{ "type": "promptString", "id": "github-pat", "description": "GitHub token", "password": true }]\n}\n`,
    },
    {
      path: `${ws}/.codex/config.toml`,
      text: `[mcp_servers.api]\nurl = "https://mcp.example.com/mcp"\n# old token: API_TOKEN=${opaque}\nbearer_token_env_var = "API_TOKEN"\n`,
    },
    {
      path: `${ws}/.mcp.json`,
      policy: { servers: ['github'] },
      text: `{ "mcpServers": { "unreviewed-experimental-jira-confluence-bridge": { "command": "npx", "args": ["-y", "@acme-internal/jira-confluence-mcp-bridge-server@2.4.1"] }, "remote-search": { "type": "http", "url": "https://search.example.com/mcp" } } }`,
    },
    {
      path: `${ws}/.vscode/mcp.json`,
      text: `{\n  "servers": {\n    // mcp-hygiene-disable-next-line secret-in-env\n    "filesystem": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "\${workspaceFolder}"] },\n    // mcp-hygiene-disable-next-line unpinned-npm-package, not-a-rule-id\n    "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] },\n    // mcp-hygiene-disable-next-line\n    "time": { "command": "uvx", "args": ["mcp-server-time==0.6.2"] }\n  }\n}\n`,
    },
    {
      path: `${ws}/.vscode/mcp.json`,
      text: `{ "servers": { "company-knowledge-base-semantic-search-service": { "type": "http", "command": "node" }, "docs": { "type": "sse" } } }`,
    },
    { path: `${ws}/.cursor/mcp.json`, text: `{ "mcpServers": { "remote-docs": { "type": "http" } } }` },
    {
      path: `${ws}/.vscode/mcp.json`,
      text: `{\n  "servers": { "workspace-filesystem-with-build-output-access": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "."], "sandboxEnabled": true } },\n  "sandbox": { "filesystem": { "allowWrite": ["/Users/alexandra.montgomery-smith/Library/Application Support", "~", "~/.config/gcloud"] }, "network": { "allowedDomains": ["*"] } }\n}\n`,
    },
    {
      path: '/Library/Application Support/ClaudeCode/managed-settings.json',
      text: `{\n  "allowedMcpServers": [\n    { "serverUrl": "https://*" },\n    { "serverName": "internal-knowledge-base-and-ticketing-bridge" },\n    { "serverCommand": ["npx", "-y", "@acme-internal/jira-confluence-mcp-bridge-server@latest"] }\n  ],\n  "deniedMcpServers": [ { "serverName": "unreviewed-experimental-filesystem-with-shell" } ]\n}\n`,
    },
    {
      path: '/org/.github-private/copilot/managed-settings.json',
      text: `{ "allowedMcpServers": [ { "serverName": "github" }, { "serverUrl": "https://api.githubcopilot.com/*" }, { "serverCommand": ["cmd", "/c", "uvx", "markitdown-mcp"] } ] }`,
    },
    {
      path: '/Users/dev/Library/Application Support/Claude/claude_desktop_config.json',
      text: `{\n  // production servers\n  "mcpServers": { "time": { "command": "uvx", "args": ["mcp-server-time==0.6.2"] } }\n}\n`,
    },
  ];
}
