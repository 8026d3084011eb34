/**
 * A launch simulator: the oracle for secret fixes (issue 18, docs/remediation.md). For a
 * config file's text, its path and a client, it computes what that client hands each server
 * when it starts it — command, args, env, url, headers — expanding variables as that client
 * does. Test code only, and deliberately independent of the product: it reads the files with
 * jsonc-parser / yaml / toml-eslint-parser and re-states each client's behaviour from the
 * client's own source or docs (cited next to each model), so a fix is judged by what the
 * client would do, not by what the engine believes.
 */
import { parse as parseJsonc } from 'jsonc-parser';
import { parse as parseYaml } from 'yaml';
import { getStaticTOMLValue, parseTOML } from 'toml-eslint-parser';

export interface World {
  /** The environment the client itself runs in. */
  env?: Record<string, string>;
  /** VS Code `${input:id}` answers (id -> value). */
  inputs?: Record<string, string>;
  /** Absolute path -> content (opencode `{file:}`, VS Code `envFile`, Continue `.env` files). */
  files?: Record<string, string>;
  /** Goose keyring (`env_keys`). */
  keyring?: Record<string, string>;
  /** Default '/work/app'. */
  workspaceFolder?: string;
  /** Default '/home/dev'. */
  home?: string;
}

export interface Launch {
  name: string;
  /** stdio: env is what the child process receives, including what it inherits from the client. */
  command?: string;
  args: string[];
  env: Record<string, string>;
  /** remote */
  url?: string;
  headers: Record<string, string>;
  /** Set when the client would not start this server, with the reason. */
  refused?: string;
}

export type ClientId =
  | 'vscode'
  | 'vscode-agent-host'
  | 'claude-desktop'
  | 'claude-code'
  | 'cursor'
  | 'windsurf'
  | 'cline'
  | 'roo-code'
  | 'gemini-cli'
  | 'zed'
  | 'codex'
  | 'kiro'
  | 'amazon-q'
  | 'opencode'
  | 'continue'
  | 'github-copilot-cli'
  | 'github-copilot-coding-agent'
  | 'goose'
  | 'junie'
  | 'lm-studio'
  | 'visual-studio';

/** Clients whose docs say nothing about variables or the child's environment: modelled as literal, verified neither way. */
export const UNVERIFIED: readonly ClientId[] = ['junie', 'lm-studio', 'visual-studio'];

type Json = unknown;
type Dict = Record<string, Json>;
const isDict = (value: Json): value is Dict => typeof value === 'object' && value !== null && !Array.isArray(value);
const strings = (value: Json): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const stringMap = (value: Json): Record<string, string> =>
  isDict(value)
    ? Object.fromEntries(
        Object.entries(value)
          .filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
          .map(([k, v]) => [k, String(v)]),
      )
    : {};
const at = (value: Json, ...keys: string[]): Json => keys.reduce<Json>((node, key) => (isDict(node) ? node[key] : undefined), value);

/** Which clients read a file at this path (client-dialects.md §16–17 and each client's docs). */
export function readersOf(path: string): ClientId[] {
  const p = path.replace(/\\/g, '/');
  const base = p.slice(p.lastIndexOf('/') + 1);
  // A project `.mcp.json`: Claude Code's project scope, Copilot CLI's workspace file, VS Code's
  // "portable" format and Visual Studio (client-dialects.md §16–17).
  if (base === '.mcp.json') return ['claude-code', 'github-copilot-cli', 'vscode', 'visual-studio'];
  if (p.endsWith('/.vscode/mcp.json')) return ['vscode', 'vscode-agent-host', 'visual-studio'];
  if (
    /\/(?:Code|Code - Insiders|VSCodium)\/User\/(?:profiles\/[^/]+\/)?(?:mcp|settings)\.json$/.test(p) ||
    p.endsWith('/.vscode/settings.json') ||
    base === 'devcontainer.json'
  )
    return ['vscode', 'vscode-agent-host'];
  if (p.endsWith('/.cursor/mcp.json')) return ['cursor', 'visual-studio'];
  if (p.endsWith('/.vs/mcp.json')) return ['visual-studio'];
  if (base === 'claude_desktop_config.json') return ['claude-desktop'];
  if (base === '.claude.json') return ['claude-code'];
  if (base === 'mcp_config.json' && /windsurf|codeium|antigravity/i.test(p)) return ['windsurf'];
  if (base === 'cline_mcp_settings.json') return ['cline'];
  if (p.endsWith('/.roo/mcp.json') || base === 'mcp_settings.json') return ['roo-code'];
  if (p.endsWith('/.gemini/settings.json')) return ['gemini-cli'];
  if (/\/(?:\.zed|zed)\/settings\.json$/.test(p)) return ['zed'];
  if (p.endsWith('/.codex/config.toml')) return ['codex'];
  if (p.endsWith('/.kiro/settings/mcp.json')) return ['kiro'];
  if (/\/\.(?:amazonq|aws\/amazonq)\/(?:default\.json|mcp\.json|agents\/[^/]+\.json)$/.test(p)) return ['amazon-q'];
  if (/^opencode\.jsonc?$/.test(base)) return ['opencode'];
  if (/\/\.continue\/(?:mcpServers\/[^/]+\.(?:ya?ml|json)|config\.ya?ml)$/.test(p)) return ['continue'];
  if (p.endsWith('/goose/config.yaml')) return ['goose'];
  if (p.endsWith('/.copilot/mcp-config.json')) return ['github-copilot-cli'];
  if (p.endsWith('/.github/copilot/mcp.json') || p.endsWith('/.github/copilot-mcp.json')) return ['github-copilot-coding-agent'];
  if (p.endsWith('/.junie/mcp/mcp.json') || p.endsWith('/.junie/mcp.json')) return ['junie'];
  if (p.endsWith('/.lmstudio/mcp.json')) return ['lm-studio'];
  return [];
}

// ---------------------------------------------------------------------------------------------
// Variable syntaxes. Each returns the expanded string, or throws Refused when the client would
// not start the server.

class Refused extends Error {}

interface Scope {
  world: Required<World>;
  /** VS Code: ids declared in the file's `inputs`. */
  declaredInputs: Set<string>;
}

/** `${VAR}` and `${VAR:-default}`; `unset` says what an unset variable without a default becomes. */
function dollarBrace(text: string, env: Record<string, string>, unset: (name: string, whole: string) => string, bare = false): string {
  const pattern = bare ? /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g : /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;
  return text.replace(pattern, (whole, braced: string | undefined, fallback: string | undefined, plain: string | undefined) => {
    const name = braced ?? plain!;
    if (env[name] !== undefined) return env[name];
    if (fallback !== undefined) return fallback;
    return unset(name, whole);
  });
}

/**
 * VS Code, VS Code-format files (`.vscode/mcp.json`, user mcp.json, settings `mcp`, dev
 * containers): `${input:id}` (the id must be declared in `inputs`; the user answers once),
 * `${env:NAME}` (unset -> ''), `${workspaceFolder}`, `${userHome}`; `${NAME}` and `$NAME` are
 * literal. microsoft/vscode src/vs/workbench/contrib/mcp/common/mcpRegistry.ts resolves with the
 * configuration resolver (src/vs/workbench/services/configurationResolver/common/variableResolver.ts).
 */
function vscodeVariables(text: string, scope: Scope): string {
  return text.replace(
    /\$\{(input|env):([^}]+)\}|\$\{(workspaceFolder|userHome)\}/g,
    (whole, kind: string | undefined, arg: string | undefined, builtin: string | undefined) => {
      if (builtin === 'workspaceFolder') return scope.world.workspaceFolder;
      if (builtin === 'userHome') return scope.world.home;
      if (kind === 'env') return scope.world.env[arg!] ?? '';
      if (!scope.declaredInputs.has(arg!)) throw new Refused(`\${input:${arg}} is not declared in "inputs"`);
      const answer = scope.world.inputs[arg!];
      if (answer === undefined) throw new Refused(`the user did not answer \${input:${arg}}`);
      return answer;
    },
  );
}

/** `${env:NAME}` only (Cursor, Windsurf, Cline, Roo Code, Amazon Q: client-dialects.md, each client's MCP docs); unset -> ''. */
function envColon(text: string, scope: Scope): string {
  return text.replace(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g, (_whole, name: string) => scope.world.env[name] ?? '');
}

/** opencode: `{env:NAME}` (unset -> '') and `{file:path}` (relative to the config's folder, `~/` = home). sst/opencode packages/opencode/src/config/config.ts */
function opencodeVariables(text: string, scope: Scope, configDir: string): string {
  return text
    .replace(/\{env:([^}]+)\}/g, (_whole, name: string) => scope.world.env[name] ?? '')
    .replace(/\{file:([^}]+)\}/g, (_whole, file: string) => {
      const path = file.startsWith('~/') ? scope.world.home + file.slice(1) : file.startsWith('/') ? file : `${configDir}/${file}`;
      const content = scope.world.files[path];
      if (content === undefined) throw new Refused(`{file:${file}} does not exist`);
      return content.trim();
    });
}

function parseDotEnv(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match) values[match[1]] = match[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return values;
}

/**
 * Continue: `${{ secrets.NAME }}`, looked up in `~/.continue/.env`, then
 * `<workspace>/.continue/.env`, then `<workspace>/.env` (continuedev/continue
 * core/config/yaml/LocalPlatformClient.ts findSecretInEnvFiles); not found -> not started.
 */
function continueSecrets(text: string, scope: Scope): string {
  const { home, workspaceFolder, files } = scope.world;
  const envFiles = [`${home}/.continue/.env`, `${workspaceFolder}/.continue/.env`, `${workspaceFolder}/.env`].map((path) => parseDotEnv(files[path] ?? ''));
  return text.replace(/\$\{\{\s*secrets\.([A-Za-z0-9_.-]+)\s*\}\}/g, (_whole, name: string) => {
    for (const values of envFiles) if (values[name] !== undefined) return values[name];
    throw new Refused(`secret ${name} is in none of Continue's .env files`);
  });
}

/** The MCP SDK's stdio transport passes only these from the client's environment (modelcontextprotocol/typescript-sdk src/client/stdio.ts DEFAULT_INHERITED_ENV_VARS, POSIX). */
const SDK_DEFAULT_ENV = ['HOME', 'LOGNAME', 'PATH', 'SHELL', 'TERM', 'USER'];
/** Codex passes a fixed set too (openai/codex codex-rs/rmcp-client/src/utils.rs DEFAULT_ENV_VARS, Unix). */
const CODEX_DEFAULT_ENV = ['HOME', 'LOGNAME', 'PATH', 'SHELL', 'USER', '__CF_USER_TEXT_ENCODING', 'LANG', 'LC_ALL', 'TERM', 'TMPDIR', 'TZ'];
const pick = (env: Record<string, string>, names: readonly string[]) => Object.fromEntries(names.filter((n) => env[n] !== undefined).map((n) => [n, env[n]]));

// ---------------------------------------------------------------------------------------------
// Reading each client's servers.

interface RawServer {
  name: string;
  command?: string;
  args: string[];
  env: Record<string, string>;
  url?: string;
  headers: Record<string, string>;
  entry: Dict;
}

function parseFile(text: string, path: string): Json {
  if (path.endsWith('.toml')) return getStaticTOMLValue(parseTOML(text));
  if (/\.ya?ml$/.test(path)) return parseYaml(text);
  return parseJsonc(text, [], { allowTrailingComma: true, disallowComments: false });
}

/** Servers of a map-shaped section; `keys` names each client's own key for the fields. */
function mapServers(section: Json, keys: { url?: string[]; env?: string; command?: string } = {}): RawServer[] {
  if (!isDict(section)) return [];
  return Object.entries(section)
    .filter(([, entry]) => isDict(entry))
    .map(([name, entry]) => entryServer(name, entry as Dict, keys));
}

function entryServer(name: string, entry: Dict, keys: { url?: string[]; env?: string; command?: string } = {}): RawServer {
  const urlKey = (keys.url ?? ['url']).find((key) => typeof entry[key] === 'string');
  return {
    name,
    command: typeof entry[keys.command ?? 'command'] === 'string' ? (entry[keys.command ?? 'command'] as string) : undefined,
    args: strings(entry.args),
    env: stringMap(entry[keys.env ?? 'env']),
    url: urlKey ? (entry[urlKey] as string) : undefined,
    headers: stringMap(entry.headers),
    entry,
  };
}

function vscodeServers(root: Json, path: string): RawServer[] {
  if (path.endsWith('devcontainer.json')) return mapServers(at(root, 'customizations', 'vscode', 'mcp', 'servers'));
  if (path.endsWith('settings.json')) return mapServers(at(root, 'mcp', 'servers'));
  return mapServers(at(root, 'servers'));
}

function vscodeInputs(root: Json, path: string): Set<string> {
  const inputs = path.endsWith('devcontainer.json')
    ? at(root, 'customizations', 'vscode', 'mcp', 'inputs')
    : path.endsWith('settings.json')
      ? at(root, 'mcp', 'inputs')
      : at(root, 'inputs');
  return new Set(Array.isArray(inputs) ? inputs.map((input) => at(input, 'id')).filter((id): id is string => typeof id === 'string') : []);
}

/** Expand every string a launch carries, then assemble it; `childEnv` adds what the child inherits. */
function expandAll(
  server: RawServer,
  expand: (text: string) => string,
  childEnv: (fileEnv: Record<string, string>) => Record<string, string>,
  expandKeys = false,
): Launch {
  const base: Launch = { name: server.name, args: [], env: {}, headers: {} };
  try {
    const fileEnv = Object.fromEntries(Object.entries(server.env).map(([k, v]) => [expandKeys ? expand(k) : k, expand(v)]));
    if (server.url !== undefined)
      return { ...base, url: expand(server.url), headers: Object.fromEntries(Object.entries(server.headers).map(([k, v]) => [k, expand(v)])) };
    return { ...base, command: server.command === undefined ? undefined : expand(server.command), args: server.args.map(expand), env: childEnv(fileEnv) };
  } catch (error) {
    if (error instanceof Refused) return { ...base, refused: error.message };
    throw error;
  }
}

export function simulate(client: ClientId, text: string, path: string, world: World = {}): Launch[] {
  const full: Required<World> = {
    env: world.env ?? {},
    inputs: world.inputs ?? {},
    files: world.files ?? {},
    keyring: world.keyring ?? {},
    workspaceFolder: world.workspaceFolder ?? '/work/app',
    home: world.home ?? '/home/dev',
  };
  const root = parseFile(text, path);
  const scope: Scope = { world: full, declaredInputs: new Set() };
  const portable = path.replace(/\\/g, '/').endsWith('/.mcp.json');
  const literal = (s: string) => s;
  const sdkChild = (fileEnv: Record<string, string>) => ({ ...pick(full.env, SDK_DEFAULT_ENV), ...fileEnv });
  const inherits = (fileEnv: Record<string, string>) => ({ ...full.env, ...fileEnv });

  switch (client) {
    case 'vscode': {
      if (portable) {
        // The portable format: `${VAR}` / `${VAR:-default}` only, an unset variable stays verbatim,
        // bare `$VAR` literal (microsoft/vscode src/vs/workbench/contrib/mcp/common/mcpEnvironmentVariableExpansion.ts
        // and its test mcpEnvironmentVariableExpansion.test.ts). The child inherits VS Code's environment.
        return mapServers(at(root, 'mcpServers')).map((s) => expandAll(s, (t) => dollarBrace(t, full.env, (_n, whole) => whole), inherits));
      }
      scope.declaredInputs = vscodeInputs(root, path);
      // The stdio child gets VS Code's environment, then `envFile`, then `env`
      // (microsoft/vscode src/vs/workbench/api/node/extHostMcpNode.ts: { ...process.env, ...envFile, ...env }).
      return vscodeServers(root, path).map((s) => {
        const envFile = typeof s.entry.envFile === 'string' ? s.entry.envFile : undefined;
        return expandAll(
          s,
          (t) => vscodeVariables(t, scope),
          (fileEnv) => {
            const fromFile = envFile === undefined ? {} : parseDotEnv(full.files[vscodeVariables(envFile, scope)] ?? '');
            return { ...full.env, ...fromFile, ...fileEnv };
          },
        );
      });
    }
    case 'vscode-agent-host': {
      // Copilot Agent Host sessions get the servers VS Code forwards "except servers that require
      // interactive input, such as ${input:...}" (microsoft/vscode-docs docs/agents/reference/mcp-configuration.md).
      if (portable) return simulate('github-copilot-cli', text, path, world);
      return simulate('vscode', text, path, world).map((launch, index) => {
        const server = vscodeServers(root, path)[index];
        return JSON.stringify(server.entry).includes('${input:')
          ? { ...launch, refused: 'needs ${input:}, which Agent Host sessions cannot prompt for' }
          : launch;
      });
    }
    case 'claude-code': {
      // `${VAR}` and `${VAR:-default}` in command, args, env, url and headers; a required variable
      // that is unset makes Claude Code reject the config (code.claude.com docs mcp.md
      // "Environment variable expansion in .mcp.json"). Stdio servers get Claude Code's environment.
      return mapServers(at(root, 'mcpServers')).map((s) =>
        expandAll(
          s,
          (t) =>
            dollarBrace(t, full.env, (name) => {
              throw new Refused(`missing environment variable ${name}`);
            }),
          inherits,
        ),
      );
    }
    case 'github-copilot-cli':
      // `$VAR`, `${VAR}`, `${VAR:-default}` (github/docs content/copilot/how-tos/use-copilot-agents/use-copilot-cli.md;
      // VS Code's expansion file quotes "the Copilot CLI's rules"); unset stays verbatim.
      return mapServers(at(root, 'mcpServers')).map((s) => expandAll(s, (t) => dollarBrace(t, full.env, (_n, whole) => whole, true), inherits));
    case 'github-copilot-coding-agent': {
      // Only secrets of the repository's `copilot` environment named COPILOT_MCP_* are available,
      // as `$NAME` or `${NAME}` (github/docs .../coding-agent/extend-coding-agent-with-mcp.md).
      const secrets = Object.fromEntries(Object.entries(full.env).filter(([name]) => name.startsWith('COPILOT_MCP_')));
      return mapServers(at(root, 'mcpServers')).map((s) =>
        expandAll(
          s,
          (t) => dollarBrace(t, secrets, (_n, whole) => whole, true),
          (fileEnv) => fileEnv,
        ),
      );
    }
    case 'cursor':
    case 'windsurf':
    case 'cline':
    case 'roo-code':
    case 'amazon-q':
      // `${env:NAME}` (client-dialects.md, each client's MCP docs). Whether the child inherits the
      // client's environment is not modelled: a fix must deliver the value through the file.
      return mapServers(at(root, 'mcpServers'), { url: ['url', 'serverUrl'] }).map((s) =>
        expandAll(
          s,
          (t) => envColon(t, scope),
          (fileEnv) => fileEnv,
        ),
      );
    case 'gemini-cli':
      // `$VAR` and `${VAR}` in env values, args and headers (google-gemini/gemini-cli
      // docs/tools/mcp-server.md; packages/core/src/tools/mcp-client.ts); unset -> ''.
      return mapServers(at(root, 'mcpServers'), { url: ['httpUrl', 'url'] }).map((s) =>
        expandAll(
          s,
          (t) => dollarBrace(t, full.env, () => '', true),
          (fileEnv) => fileEnv,
        ),
      );
    case 'kiro':
      // `${VAR}` (kiro.dev docs/mcp/configuration); headers also take `${env:VAR}`.
      return mapServers(at(root, 'mcpServers')).map((s) =>
        expandAll(
          s,
          (t) =>
            envColon(
              dollarBrace(t, full.env, () => ''),
              scope,
            ),
          (fileEnv) => fileEnv,
        ),
      );
    case 'opencode': {
      const configDir = path.slice(0, path.lastIndexOf('/'));
      const servers = isDict(at(root, 'mcp')) ? Object.entries(at(root, 'mcp') as Dict).filter(([, e]) => isDict(e)) : [];
      return servers.map(([name, entry]) => {
        const e = entry as Dict;
        const command = strings(e.command);
        const raw: RawServer = {
          name,
          command: command[0],
          args: command.slice(1),
          env: stringMap(e.environment),
          url: typeof e.url === 'string' ? e.url : undefined,
          headers: stringMap(e.headers),
          entry: e,
        };
        return expandAll(raw, (t) => opencodeVariables(t, scope, configDir), inherits);
      });
    }
    case 'continue': {
      // YAML blocks hold an array of servers (`requestOptions.headers` for remote ones); the JSON
      // drop-ins hold a Claude-style map (docs.continue.dev customize/deep-dives/mcp).
      const section = at(root, 'mcpServers');
      const servers = Array.isArray(section)
        ? section
            .filter(isDict)
            .map((entry) => ({ ...entryServer(String(entry.name ?? ''), entry), headers: stringMap(at(entry, 'requestOptions', 'headers')) }))
        : mapServers(section);
      return servers.map((s) =>
        expandAll(
          s,
          (t) => continueSecrets(t, scope),
          (fileEnv) => fileEnv,
        ),
      );
    }
    case 'codex': {
      // `env` is literal; `env_vars` names variables forwarded from Codex's environment;
      // remote: `http_headers` literal, `env_http_headers = { Header = "VAR" }` from the
      // environment, `bearer_token_env_var` -> Authorization: Bearer <value>, an unset one fails
      // the server (openai/codex codex-rs/core/src/config/types.rs McpServerConfig;
      // codex-rs/rmcp-client/src/utils.rs create_env_for_mcp_server; rmcp_client.rs).
      const servers = at(root, 'mcp_servers');
      if (!isDict(servers)) return [];
      return Object.entries(servers)
        .filter(([, e]) => isDict(e))
        .map(([name, entry]) => {
          const e = entry as Dict;
          const base: Launch = { name, args: [], env: {}, headers: {} };
          if (typeof e.url === 'string') {
            const headers = stringMap(e.http_headers);
            for (const [header, variable] of Object.entries(stringMap(e.env_http_headers)))
              if (full.env[variable] !== undefined) headers[header] = full.env[variable];
            if (typeof e.bearer_token_env_var === 'string') {
              const token = full.env[e.bearer_token_env_var];
              if (token === undefined) return { ...base, url: e.url, refused: `${e.bearer_token_env_var} is not set` };
              headers.Authorization = `Bearer ${token}`;
            }
            return { ...base, url: e.url, headers };
          }
          const forwarded = pick(full.env, strings(e.env_vars));
          return {
            ...base,
            command: typeof e.command === 'string' ? e.command : undefined,
            args: strings(e.args),
            env: { ...pick(full.env, CODEX_DEFAULT_ENV), ...forwarded, ...stringMap(e.env) },
          };
        });
    }
    case 'goose': {
      // `envs` literal; `env_keys` resolved like Goose's secrets: the environment first, then the
      // keyring (block/goose crates/goose/src/config/base.rs get_secret; agents/extension.rs).
      const extensions = at(root, 'extensions');
      if (!isDict(extensions)) return [];
      return Object.entries(extensions)
        .filter(([, e]) => isDict(e) && e.enabled !== false)
        .map(([name, entry]) => {
          const e = entry as Dict;
          const base: Launch = { name, args: [], env: {}, headers: {} };
          if (typeof e.uri === 'string') return { ...base, url: e.uri, headers: stringMap(e.headers) };
          const env = stringMap(e.envs);
          for (const key of strings(e.env_keys)) {
            const value = full.env[key.toUpperCase()] ?? full.keyring[key];
            if (value === undefined) return { ...base, refused: `${key} is neither in the environment nor in the keyring` };
            env[key] = value;
          }
          return { ...base, command: typeof e.cmd === 'string' ? e.cmd : undefined, args: strings(e.args), env };
        });
    }
    case 'zed': {
      // No interpolation; the stdio child inherits Zed's environment plus `env`
      // (zed-industries/zed crates/context_server/src/transport/stdio_transport.rs: `.envs(...)`
      // without env_clear). Older settings nest the launch under `command: { path, args, env }`.
      const servers = at(root, 'context_servers');
      if (!isDict(servers)) return [];
      return Object.entries(servers)
        .filter(([, e]) => isDict(e))
        .map(([name, entry]) => {
          const e = entry as Dict;
          const nested = isDict(e.command) ? e.command : undefined;
          const raw = nested ? { ...entryServer(name, nested, { command: 'path' }), entry: e } : entryServer(name, e);
          return expandAll(raw, literal, inherits);
        });
    }
    case 'claude-desktop':
      // No interpolation; the MCP SDK's stdio transport passes only its default variables plus `env`.
      return mapServers(at(root, 'mcpServers')).map((s) => expandAll(s, literal, sdkChild));
    case 'junie':
    case 'lm-studio':
    case 'visual-studio': {
      // Undocumented (UNVERIFIED): literal, and the file's `env` only.
      const section = at(root, 'mcpServers') ?? at(root, 'servers');
      return mapServers(section).map((s) => expandAll(s, literal, (fileEnv) => fileEnv));
    }
  }
}
