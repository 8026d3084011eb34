import type { Transport, McpConfig, ServerEntry, MapEntry, ListKnob, BooleanKnob, StringValue } from '../core/model';
import { stringList, stringValue } from '../core/model';
import type { ParsedDocument, TreeNode } from '../core/tree';
import { entries, getProperty, getValue, getValueAtPath } from '../core/tree';

/**
 * The shape most clients share: an object of named server entries with `command`/`args`/
 * `env` for stdio and `url`/`headers` for remote servers. Dialects differ in the path to
 * the map and in a few key names; they describe those differences here instead of
 * re-implementing the walk.
 */
export interface ServersMapShape {
  /** Keys from the root to the servers object, e.g. ['mcpServers'] or ['mcp', 'servers']. */
  serversPath: readonly string[];
  /** Keys that hold the remote URL, first present wins. */
  urlKeys?: readonly string[];
  /** Keys that hold the transport name. */
  typeKeys?: readonly string[];
  /** Keys listing auto-approved tools. */
  autoApproveKeys?: readonly string[];
  /** Keys listing the tools exposed. */
  toolsKeys?: readonly string[];
  /** Boolean key that trusts every tool of the server. */
  trustKey?: string;
  /** Keys that disable the entry when true (`disabled`) or false (`enabled`). */
  disabledKey?: string;
  enabledKey?: string;
  envKeys?: readonly string[];
  headersKeys?: readonly string[];
  /** Keys holding the program to run (Goose `cmd`). */
  commandKeys?: readonly string[];
  /** Tool allow / deny lists (Gemini includeTools/excludeTools, Codex enabled_tools/disabled_tools). */
  includeToolsKeys?: readonly string[];
  excludeToolsKeys?: readonly string[];
  timeoutKeys?: readonly string[];
  oauthKeys?: readonly string[];
  /** Keys naming variables forwarded from the client's environment (string or list; Codex `{name}` items too). */
  envPassthroughKeys?: readonly string[];
  /** Overrides the transport when the client infers it differently (Gemini `httpUrl`, Cline typeless `url` = SSE). */
  transport?(entry: TreeNode, type: string | undefined, hasCommand: boolean, hasUrl: boolean): Transport;
  /** Marks entries of a multi-scope file (see ServerEntry.scope). */
  scope?: string;
}

const DEFAULT_URL_KEYS = ['url'];
const DEFAULT_TYPE_KEYS = ['type', 'transport'];
const DEFAULT_AUTO_APPROVE_KEYS = ['alwaysAllow', 'autoApprove'];

export function readServersMap(doc: ParsedDocument, shape: ServersMapShape): McpConfig {
  const serversNode = getValueAtPath(doc.root, shape.serversPath);
  if (!serversNode || serversNode.type !== 'object') return { servers: [], serversNode };
  const servers: ServerEntry[] = [];
  for (const { key, keyNode, valueNode } of entries(serversNode)) {
    if (valueNode.type !== 'object') continue;
    servers.push(readServerEntry(key, keyNode, valueNode, shape));
  }
  return { servers, serversNode };
}

export function readServerEntry(name: string, nameNode: TreeNode, node: TreeNode, shape: Omit<ServersMapShape, 'serversPath'>): ServerEntry {
  const type = firstString(node, shape.typeKeys ?? DEFAULT_TYPE_KEYS);
  const url = firstString(node, shape.urlKeys ?? DEFAULT_URL_KEYS);
  const command = firstString(node, shape.commandKeys ?? ['command']);
  const argsNode = getValue(node, 'args');
  const envNode = firstNode(node, shape.envKeys ?? ['env']);
  const headersNode = firstNode(node, shape.headersKeys ?? ['headers']);
  const disabledNode = shape.disabledKey === undefined ? getValue(node, 'disabled') : getValue(node, shape.disabledKey);
  const enabledNode = shape.enabledKey ? getValue(node, shape.enabledKey) : undefined;
  const entry: ServerEntry = {
    name,
    nameNode,
    node,
    type,
    transport: shape.transport
      ? shape.transport(node, type?.value, command !== undefined, url !== undefined)
      : transportOf(type?.value, command !== undefined, url !== undefined),
    command,
    args: stringList(argsNode),
    argsNode,
    env: mapEntries(envNode),
    envNode,
    cwd: stringValue(getValue(node, 'cwd')),
    envFile: stringValue(getValue(node, 'envFile')),
    url,
    headers: mapEntries(headersNode),
    headersNode,
    autoApprove: listKnob(node, shape.autoApproveKeys ?? DEFAULT_AUTO_APPROVE_KEYS),
    tools: listKnob(node, shape.toolsKeys ?? []),
    trust: shape.trustKey ? booleanKnob(node, shape.trustKey) : undefined,
    disabled: disabledNode?.value === true || enabledNode?.value === false,
  };
  addExtras(entry, node, shape);
  return entry;
}

/** The optional ServerEntry parts; only set when the file has them, so entries stay small. */
export function addExtras(entry: ServerEntry, node: TreeNode, shape: Omit<ServersMapShape, 'serversPath'>): void {
  if (shape.scope) entry.scope = shape.scope;
  const include = shape.includeToolsKeys ? listKnob(node, shape.includeToolsKeys) : undefined;
  const exclude = shape.excludeToolsKeys ? listKnob(node, shape.excludeToolsKeys) : undefined;
  if (include || exclude) entry.toolFilter = { ...(include ? { include } : {}), ...(exclude ? { exclude } : {}) };
  for (const key of shape.timeoutKeys ?? []) {
    const value = getValue(node, key);
    if (value?.type === 'number') {
      entry.timeout = { key, node: value, value: value.value as number };
      break;
    }
  }
  const oauth = shape.oauthKeys ? firstNode(node, shape.oauthKeys) : undefined;
  if (oauth) entry.oauth = oauth;
  const names: StringValue[] = [];
  for (const key of shape.envPassthroughKeys ?? []) {
    const value = getValue(node, key);
    if (!value) continue;
    if (value.type === 'string') names.push({ value: value.value as string, node: value });
    for (const item of value.type === 'array' ? (value.children ?? []) : []) {
      if (item.type === 'string') names.push({ value: item.value as string, node: item });
      else {
        const named = stringValue(getValue(item, 'name'));
        if (named) names.push(named);
      }
    }
  }
  if (names.length) entry.envPassthrough = names;
}

/** Normalises every client's transport spelling. */
export function transportOf(type: string | undefined, hasCommand: boolean, hasUrl: boolean): Transport {
  switch (type?.toLowerCase()) {
    case 'stdio':
    case 'local':
    case 'command':
      return 'stdio';
    case 'http':
    case 'streamable-http':
    case 'streamablehttp':
    case 'streamable_http':
    case 'remote':
      return 'http';
    case 'sse':
      return 'sse';
    case 'ws':
    case 'websocket':
      return 'ws';
    case undefined:
      if (hasCommand) return 'stdio';
      if (hasUrl) return 'http';
      return 'unknown';
    default:
      return 'unknown';
  }
}

export function mapEntries(node: TreeNode | undefined): MapEntry[] {
  return entries(node).map(({ key, keyNode, valueNode, property }) => ({
    key,
    keyNode,
    valueNode,
    property,
    value:
      valueNode.type === 'string'
        ? (valueNode.value as string)
        : valueNode.type === 'number' || valueNode.type === 'boolean'
          ? String(valueNode.value)
          : undefined,
  }));
}

export function firstString(node: TreeNode, keys: readonly string[]) {
  for (const key of keys) {
    const value = stringValue(getValue(node, key));
    if (value) return value;
  }
  return undefined;
}

export function firstNode(node: TreeNode, keys: readonly string[]) {
  for (const key of keys) {
    const value = getValue(node, key);
    if (value) return value;
  }
  return undefined;
}

export function listKnob(node: TreeNode, keys: readonly string[]): ListKnob | undefined {
  for (const key of keys) {
    const property = getProperty(node, key);
    const value = property?.children?.[1];
    if (value && value.type === 'array') return { key, node: value, values: stringList(value) };
  }
  return undefined;
}

export function booleanKnob(node: TreeNode, key: string): BooleanKnob | undefined {
  const value = getValue(node, key);
  if (value && value.type === 'boolean') return { key, node: value, value: value.value as boolean };
  return undefined;
}
