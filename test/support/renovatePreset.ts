/**
 * The Renovate preset (docs/renovate/mcp-hygiene.json) that keeps the pins mcp-hygiene asks for
 * current: regex custom managers that find exact npm, PyPI and container-image versions in the
 * launch commands of every client's MCP config files. Generated from the dialects' file globs,
 * so a new client is covered without editing the preset; test/registry/renovatePreset.test.ts
 * checks that the committed file is current and runs Renovate's own extraction on it.
 *
 * Renovate 39 reads `fileMatch` (regular expressions); newer releases migrate it to
 * `managerFilePatterns` on their own.
 */
import { configFileGlobs } from '../../server/src/dialects';

/** A dialect glob (`**\/.vscode/mcp.json`, `**\/.continue/mcpServers/*.yaml`) as a Renovate fileMatch regular expression. */
export function globToFileMatch(glob: string): string {
  const body = glob
    .replace(/^\*\*\//, '')
    .split('')
    .map((char) => (char === '*' ? '[^/]*' : /[.+?^${}()|[\]\\]/.test(char) ? `\\${char}` : char))
    .join('');
  return `(^|/)${body}$`;
}

/** Launch spec shapes, with Renovate's named groups. Exact versions only: ranges and tags are mcp-hygiene's findings, not Renovate's to bump. */
const NPM = '(?<depName>(?:@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*)@(?<currentValue>v?\\d+\\.\\d+\\.\\d+[0-9A-Za-z.+-]*)';
const PYPI = '(?<depName>[A-Za-z0-9][A-Za-z0-9._-]*)(?:\\[[^\\]"\'\\s]*\\])?(?:==|@)(?<currentValue>\\d[0-9A-Za-z.+!-]*)';
// Image names with a namespace (`mcp/fetch`, `ghcr.io/org/img`): a bare `name:tag` cannot be told from `host:port` in args.
const IMAGE = '(?<depName>[a-z0-9][a-z0-9._-]*(?::\\d+)?(?:/[a-z0-9._-]+)+):(?<currentValue>[\\w][\\w.-]*)(?:@(?<currentDigest>sha256:[a-f0-9]{64}))?';

/**
 * The launcher, then its arguments, in each syntax clients write: a JSON `command` string and
 * `args` array (simple string keys such as "type" may sit between), opencode's `command`
 * array, Codex TOML, and YAML (`command:` / Goose's `cmd:`, flow or block lists).
 */
function contexts(launchers: string, spec: string): string[] {
  return [
    `"command"\\s*:\\s*"(?:${launchers})"\\s*,(?:\\s*"[^"]*"\\s*:\\s*"[^"]*"\\s*,)*?\\s*"args"\\s*:\\s*\\[[^\\]]*?"${spec}"`,
    `"command"\\s*:\\s*\\[\\s*"(?:${launchers})"[^\\]]*?"${spec}"`,
    `command\\s*=\\s*"(?:${launchers})"\\s*\\n\\s*args\\s*=\\s*\\[[^\\]]*?"${spec}"`,
    `(?:command|cmd):\\s*["']?(?:${launchers})["']?\\s*\\n\\s*args:(?:\\s*\\[[^\\]]*?|(?:\\s*\\n\\s*-\\s*[^\\n]*)*?\\s*\\n\\s*-\\s*)["']?${spec}["']?`,
  ];
}

export function renovatePreset(): object {
  // Every client's paths, and files named like MCP configs (linted by their content, MCP_NAMED_GLOBS).
  const fileMatch = [...new Set(configFileGlobs().map(globToFileMatch)), '(^|/)[^/]*[Mm][Cc][Pp][^/]*\\.(?:jsonc?|ya?ml|toml)$'].sort();
  const manager = (description: string, launchers: string, spec: string, datasourceTemplate: string) => ({
    customType: 'regex',
    description,
    fileMatch,
    matchStrings: contexts(launchers, spec),
    datasourceTemplate,
  });
  return {
    $schema: 'https://docs.renovatebot.com/renovate-schema.json',
    description:
      'mcp-hygiene: keep the exact versions pinned in MCP server launch commands current (npx/bunx/pnpm dlx → npm, uvx/pipx → PyPI, docker/podman → container images), in every client config file mcp-hygiene reads.',
    customManagers: [
      manager('npm packages launched by npx, bunx or pnpx', 'npx|bunx|pnpx', NPM, 'npm'),
      manager('PyPI packages launched by uvx or pipx', 'uvx|pipx', PYPI, 'pypi'),
      manager('Container images launched by docker or podman', 'docker|podman', IMAGE, 'docker'),
    ],
  };
}

export function renderRenovatePreset(): string {
  return JSON.stringify(renovatePreset(), null, 2) + '\n';
}
