import * as z from '../common/zod';
import type { Dialect } from '../core/dialect';
import type { ConfigKnobs, ListKnob, McpConfig, ServerEntry, StringValue } from '../core/model';
import type { ParsedDocument, TreeNode } from '../core/tree';
import { entries, getValue, getValueAtPath } from '../core/tree';
import { readServerEntry } from './mcpServersMap';
import { anyObject, bool, envMap, filePatterns, joinPath, num, str, strList, strMap, entrySchema } from './schema';

const files = filePatterns(['.codex/config.toml', 'codex/config.toml']);

const envVarItem = () => z.union([z.string(), z.object({ name: z.string(), source: z.optional(z.enum(['local', 'remote'])) })]);

/**
 * OpenAI Codex (CLI and IDE extension): `~/.codex/config.toml` (`$CODEX_HOME`), trusted
 * projects' `.codex/config.toml`, `/etc/codex/config.toml`. TOML tables
 * `[mcp_servers.NAME]` (and `[mcp_servers.NAME.env]`, `[mcp_servers.NAME.tools.TOOL]`).
 * Codex denies unknown fields and never expands `${...}`: secrets go through name
 * indirection (`env_vars`, `bearer_token_env_var`, `env_http_headers`), which the model
 * exposes as `envPassthrough`. `default_tools_approval_mode = "approve"` and per-tool
 * `approval_mode = "approve"` are exposed as `autoApprove`; root `approval_policy`,
 * `sandbox_mode` and project `trust_level` as knobs.
 */
export const codex: Dialect = {
  id: 'codex',
  displayName: 'Codex',
  secretDelivery: {
    mechanism: "none in the file; names instead: `env_vars` (forwarded from Codex's environment), `bearer_token_env_var`, `env_http_headers`",
    source: 'openai/codex docs/config.md (mcp_servers); codex-rs/config/src/mcp_types.rs',
  },
  syntax: 'toml',
  commentsAllowed: true,
  variables: [],
  globs: files.globs,
  matchPath: files.matchPath,
  read: readCodex,
  userConfigPaths: (env) => [joinPath(env, env.home, '.codex', 'config.toml'), ...(env.platform === 'win32' ? [] : ['/etc/codex/config.toml'])],
  schema: {
    serversPath: ['mcp_servers'],
    serversShape: 'map',
    entry: entrySchema(() => ({
      command: str,
      args: strList,
      env: envMap,
      env_vars: z.array(envVarItem()),
      cwd: str,
      url: str,
      bearer_token_env_var: str,
      http_headers: strMap,
      env_http_headers: strMap,
      enabled: bool,
      required: bool,
      startup_timeout_sec: num,
      startup_timeout_ms: num,
      tool_timeout_sec: num,
      enabled_tools: strList,
      disabled_tools: strList,
      default_tools_approval_mode: z.enum(['auto', 'prompt', 'approve']),
      tools: z.record(z.string(), z.object({ approval_mode: z.optional(z.enum(['auto', 'prompt', 'approve'])) })),
      supports_parallel_tool_calls: bool,
      scopes: strList,
      oauth: anyObject,
      oauth_resource: str,
      experimental_environment: str,
      name: str,
    })),
    strictKeys: true,
    commandKeys: ['command'],
    urlKeys: ['url'],
    expansionHint: 'list the variable in env_vars = ["NAME"] (or bearer_token_env_var / env_http_headers for HTTP) so Codex forwards it from its environment',
    // codex-rs config: `env_vars` names variables copied from Codex's environment into the
    // stdio server's (docs/config.md "mcp_servers"; shared/docs/client-dialects.md, Codex).
    passthroughListKey: 'env_vars',
    // Same config docs: `env_http_headers` (header -> variable) and `bearer_token_env_var`.
    headerIndirection: { headersKey: 'http_headers', envHeadersKey: 'env_http_headers', bearerKey: 'bearer_token_env_var' },
    remote: true,
    standardEntries: false,
    literalKeys: ['name', 'bearer_token_env_var', 'env_vars', 'env_http_headers'],
    renames: {
      headers: 'http_headers',
      bearer_token: 'bearer_token_env_var',
      type: 'url',
      serverUrl: 'url',
      httpUrl: 'url',
      disabled: 'enabled',
      startup_timeout: 'startup_timeout_sec',
      timeout: 'tool_timeout_sec',
      autoApprove: 'default_tools_approval_mode',
      alwaysAllow: 'default_tools_approval_mode',
      includeTools: 'enabled_tools',
      excludeTools: 'disabled_tools',
    },
  },
};

function readCodex(doc: ParsedDocument): McpConfig {
  const serversNode = getValue(doc.root, 'mcp_servers');
  const servers: ServerEntry[] = [];
  for (const { key, keyNode, valueNode } of entries(serversNode)) {
    if (valueNode.type !== 'object') continue;
    const entry = readServerEntry(key, keyNode, valueNode, {
      typeKeys: [],
      headersKeys: ['http_headers'],
      enabledKey: 'enabled',
      autoApproveKeys: [],
      includeToolsKeys: ['enabled_tools'],
      excludeToolsKeys: ['disabled_tools'],
      timeoutKeys: ['tool_timeout_sec', 'startup_timeout_sec', 'startup_timeout_ms'],
      oauthKeys: ['oauth'],
      envPassthroughKeys: ['env_vars', 'bearer_token_env_var'],
    });
    entry.disabled = getValue(valueNode, 'enabled')?.value === false;
    const headerNames: StringValue[] = entries(getValue(valueNode, 'env_http_headers'))
      .filter((e) => e.valueNode.type === 'string')
      .map((e) => ({ value: e.valueNode.value as string, node: e.valueNode }));
    if (headerNames.length) entry.envPassthrough = [...(entry.envPassthrough ?? []), ...headerNames];
    const approve = autoApproved(valueNode);
    if (approve) entry.autoApprove = approve;
    servers.push(entry);
  }
  return { servers, serversNode, knobs: readKnobs(doc.root) };
}

/** Tools Codex runs without asking: every tool with the default mode "approve", plus per-tool overrides. */
function autoApproved(entry: TreeNode): ListKnob | undefined {
  const values: StringValue[] = [];
  const defaultMode = getValue(entry, 'default_tools_approval_mode');
  if (defaultMode?.value === 'approve') values.push({ value: '*', node: defaultMode });
  const tools = getValue(entry, 'tools');
  for (const tool of entries(tools)) {
    const mode = getValue(tool.valueNode, 'approval_mode');
    if (mode?.value === 'approve') values.push({ value: tool.key, node: mode });
  }
  if (!values.length) return undefined;
  return {
    key: defaultMode?.value === 'approve' ? 'default_tools_approval_mode' : 'tools',
    node: defaultMode?.value === 'approve' ? defaultMode : tools!,
    values,
  };
}

function readKnobs(root: TreeNode | undefined): ConfigKnobs {
  const knobs: ConfigKnobs = { booleans: [], lists: [], strings: [] };
  for (const key of ['approval_policy', 'sandbox_mode']) {
    const node = getValueAtPath(root, [key]);
    if (node?.type === 'string') knobs.strings.push({ key, node, value: node.value as string });
  }
  for (const project of entries(getValue(root, 'projects'))) {
    const node = getValue(project.valueNode, 'trust_level');
    if (node?.type === 'string') knobs.strings.push({ key: `projects.${project.key}.trust_level`, node, value: node.value as string });
  }
  return knobs;
}
