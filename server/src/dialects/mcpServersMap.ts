import type { Transport, McpConfig, ServerEntry, MapEntry, ListKnob, BooleanKnob } from '../engine/model';
import { stringList, stringValue } from '../engine/model';
import type { ParsedDocument, TreeNode } from '../parse/tree';
import { entries, getProperty, getValue, getValueAtPath } from '../parse/tree';

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
  const command = stringValue(getValue(node, 'command'));
  const argsNode = getValue(node, 'args');
  const envNode = firstNode(node, shape.envKeys ?? ['env']);
  const headersNode = firstNode(node, shape.headersKeys ?? ['headers']);
  const disabledNode = shape.disabledKey === undefined ? getValue(node, 'disabled') : getValue(node, shape.disabledKey);
  const enabledNode = shape.enabledKey ? getValue(node, shape.enabledKey) : undefined;
  return {
    name,
    nameNode,
    node,
    type,
    transport: transportOf(type?.value, command !== undefined, url !== undefined),
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
    value: valueNode.type === 'string' ? (valueNode.value as string) : valueNode.type === 'number' || valueNode.type === 'boolean' ? String(valueNode.value) : undefined,
  }));
}

function firstString(node: TreeNode, keys: readonly string[]) {
  for (const key of keys) {
    const value = stringValue(getValue(node, key));
    if (value) return value;
  }
  return undefined;
}

function firstNode(node: TreeNode, keys: readonly string[]) {
  for (const key of keys) {
    const value = getValue(node, key);
    if (value) return value;
  }
  return undefined;
}

function listKnob(node: TreeNode, keys: readonly string[]): ListKnob | undefined {
  for (const key of keys) {
    const property = getProperty(node, key);
    const value = property?.children?.[1];
    if (value && value.type === 'array') return { key, node: value, values: stringList(value) };
  }
  return undefined;
}

function booleanKnob(node: TreeNode, key: string): BooleanKnob | undefined {
  const value = getValue(node, key);
  if (value && value.type === 'boolean') return { key, node: value, value: value.value as boolean };
  return undefined;
}
