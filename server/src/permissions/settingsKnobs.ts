import type { RuleContext } from '../core/rule';
import { normalizePath } from '../core/dialect';
import { entries, getValue, type TreeNode } from '../core/tree';
import type { ConfigKnobs } from '../core/model';
import { memoizeByObject, memoizeByString } from '../core/memo';

/**
 * Trust knobs live in client settings files next to (or instead of) the servers. The
 * dialects list them in `config.knobs` by dotted path; when a file's dialect does not (yet)
 * list a knob, we read the same node from the raw tree, so the rules work either way.
 */

export type SettingsFileKind = 'claude-settings' | 'claude-user' | 'vscode-settings' | 'codex' | 'zed';

/** Which client settings file this is, by path; undefined for server-only files. Several rules ask it of every file: remembered per path. */
export const settingsFileKind = memoizeByString(function settingsFileKind(filePath: string): SettingsFileKind | undefined {
  const path = normalizePath(filePath);
  if (/\/\.claude\/settings(?:\.local)?\.json$/.test(path) || /\/managed-settings\.json$/.test(path)) return 'claude-settings';
  if (/\/\.claude\.json$/.test(path)) return 'claude-user';
  if (
    /\/\.vscode\/settings\.json$/.test(path) ||
    /\/code(?: - insiders)?\/user\/(?:profiles\/[^/]+\/)?settings\.json$/.test(path) ||
    /\.code-workspace$/.test(path)
  ) {
    return 'vscode-settings';
  }
  if (/\/\.codex\/config\.toml$/.test(path) || /\/codex\/config\.toml$/.test(path)) return 'codex';
  if (/\/\.zed\/settings\.json$/.test(path) || /\/zed\/settings\.json$/.test(path)) return 'zed';
  return undefined;
}, 1000);

const KIND_BY_DIALECT: Readonly<Record<string, SettingsFileKind>> = {
  'claude-code-settings': 'claude-settings',
  'claude-code-user': 'claude-user',
  'vscode-settings': 'vscode-settings',
  codex: 'codex',
  zed: 'zed',
};

/** The settings-file kind by the file's dialect when it has one of these, else by path. */
export function settingsKindOf(context: RuleContext): SettingsFileKind | undefined {
  return KIND_BY_DIALECT[context.dialect.id] ?? settingsFileKind(context.filePath);
}

/**
 * The node at a key path, from `config.knobs` when the dialect lists it, else from the raw
 * tree. Each path element is one object key (VS Code's flat `"chat.tools.autoApprove"` is
 * one element).
 */
export function knobNode(context: RuleContext, path: readonly string[], from: TreeNode | undefined = context.doc.root): TreeNode | undefined {
  if (from === context.doc.root) {
    const dotted = path.join('.');
    const listed = context.config.knobs && knobNodesByKey(context.config.knobs).get(dotted);
    if (listed) return listed;
  }
  let node = from;
  for (const key of path) {
    node = getValue(node, key);
    if (!node) return undefined;
  }
  return node;
}

/** The first node listed under each key, as a search of booleans, then lists, then strings finds it. */
const knobNodesByKey = memoizeByObject((knobs: ConfigKnobs): ReadonlyMap<string, TreeNode> => {
  const byKey = new Map<string, TreeNode>();
  for (const knob of [...knobs.booleans, ...knobs.lists, ...knobs.strings]) if (!byKey.has(knob.key)) byKey.set(knob.key, knob.node);
  return byKey;
});

/**
 * The objects Claude Code reads project-approval settings from: the file root, and in
 * `~/.claude.json` every `projects[path]` entry too (with the project path for messages).
 */
export function claudeScopes(context: RuleContext): Array<{ node: TreeNode; project?: string }> {
  const root = context.doc.root;
  if (!root || root.type !== 'object') return [];
  const scopes: Array<{ node: TreeNode; project?: string }> = [{ node: root }];
  for (const project of entries(getValue(root, 'projects'))) {
    if (project.valueNode.type === 'object') scopes.push({ node: project.valueNode, project: project.key });
  }
  return scopes;
}

/**
 * Whether the file's client reads this server-entry key. Clients with a strict entry
 * schema that lacks the key ignore it (VS Code, Cursor, Claude have no `alwaysAllow`), so an
 * auto-approval written there does nothing in that client, until the entry is copied to
 * one that reads it. Unknown clients are assumed to read it.
 */
export function clientReadsEntryKey(context: RuleContext, key: string): boolean {
  const schema = context.dialect.schema;
  if (!schema || !schema.strictKeys) return true;
  return key in schema.entry().shape;
}
