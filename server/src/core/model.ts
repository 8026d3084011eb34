import type { TreeNode } from './tree';

/**
 * The common server model: every dialect maps its own keys onto this, keeping the source
 * node of each value so findings and fixes land exactly where the user wrote it.
 */

/** A string read from the file, with the node it came from (range includes quotes). */
export interface StringValue {
  value: string;
  node: TreeNode;
  /** For a word cut from a longer string (a shell line): where it starts in the node's value. */
  at?: number;
}

/** One `key: value` entry of a map such as `env` or `headers`. */
export interface MapEntry {
  key: string;
  keyNode: TreeNode;
  /** The property node (key + value), for edits that remove the whole entry. */
  property: TreeNode;
  valueNode: TreeNode;
  /** The value when it is a string (numbers and booleans are stringified; null/objects are undefined). */
  value: string | undefined;
}

export type Transport = 'stdio' | 'http' | 'sse' | 'ws' | 'unknown';

/** A list-valued knob such as `alwaysAllow` / `autoApprove` / `tools`. */
export interface ListKnob {
  key: string;
  node: TreeNode;
  values: StringValue[];
}

/** A boolean knob such as Gemini's `trust` or `disabled`. */
export interface BooleanKnob {
  key: string;
  node: TreeNode;
  value: boolean;
}

export interface ServerEntry {
  name: string;
  /** The key naming the server (or, in array-shaped dialects, the `name` value). */
  nameNode: TreeNode;
  /** The object holding the server's settings. */
  node: TreeNode;
  transport: Transport;
  /** The raw transport value as written (`type`, `transport`...), when present. */
  type?: StringValue;
  command?: StringValue;
  args: StringValue[];
  argsNode?: TreeNode;
  env: MapEntry[];
  envNode?: TreeNode;
  cwd?: StringValue;
  envFile?: StringValue;
  url?: StringValue;
  headers: MapEntry[];
  headersNode?: TreeNode;
  /** Tools the client runs without asking (alwaysAllow, autoApprove, ...). */
  autoApprove?: ListKnob;
  /** Tools exposed to the agent (Copilot agent `tools`, Gemini `includeTools`). */
  tools?: ListKnob;
  /** Trust-everything switch (Gemini `trust`). */
  trust?: BooleanKnob;
  disabled: boolean;
  /**
   * Optional extras some clients have (all absent when the client has no such key):
   * `scope` tells entries of a file that holds several scopes apart (the project path of a
   * `~/.claude.json` `projects[path].mcpServers` entry; the name stays the real key);
   * `toolFilter` = tool allow/deny lists (Gemini include/excludeTools, Codex enabled/
   * disabled_tools, Kiro/Roo disabledTools); `timeout` as written (unit is the client's);
   * `oauth` = the OAuth settings node; `envPassthrough` = names of variables the client
   * forwards from its own environment (Codex `env_vars`, Goose `env_keys`, Codex
   * `bearer_token_env_var`), which are references, not values.
   */
  scope?: string;
  toolFilter?: { include?: ListKnob; exclude?: ListKnob };
  timeout?: { key: string; node: TreeNode; value: number };
  oauth?: TreeNode;
  envPassthrough?: StringValue[];
}

/** A string-valued client setting such as Claude Code `permissions.defaultMode`. */
export interface StringKnob {
  key: string;
  node: TreeNode;
  value: string;
}

/**
 * Client settings outside any server entry that widen trust (Claude Code
 * `enableAllProjectMcpServers`, `enabledMcpjsonServers`, `permissions.allow`...). Keys are
 * dotted paths from the file root, e.g. `permissions.allow`. Only what the file sets is listed.
 */
export interface ConfigKnobs {
  booleans: BooleanKnob[];
  lists: ListKnob[];
  strings: StringKnob[];
}

/** The whole file as the engine sees it. */
export interface McpConfig {
  servers: ServerEntry[];
  /** The node holding the servers map (or array), when found. */
  serversNode?: TreeNode;
  /** Trust-related client settings the file holds (settings files may have no servers at all). */
  knobs?: ConfigKnobs;
}

/** Reads a string node; numbers and booleans count as their text (env values often are). */
export function stringValue(node: TreeNode | undefined): StringValue | undefined {
  if (!node) return undefined;
  if (node.type === 'string') return { value: node.value as string, node };
  return undefined;
}

export function stringList(node: TreeNode | undefined): StringValue[] {
  if (!node || node.type !== 'array' || !node.children) return [];
  const values: StringValue[] = [];
  for (const child of node.children) {
    if (child.type === 'string') values.push({ value: child.value as string, node: child });
    else if (child.type === 'number' || child.type === 'boolean') values.push({ value: String(child.value), node: child });
  }
  return values;
}
