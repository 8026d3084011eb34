import { modify } from 'jsonc-parser';
import type { FixSpec, OffsetEdit } from '../engine/types';
import type { ServerEntry } from '../engine/model';
import type { RuleContext } from '../rules/types';
import { getValue, type TreeNode } from '../parse/tree';
import { removeProperty } from './nodeEdits';
import { detectFormatting } from './formatting';
import { findReferences } from '../engine/interpolation';

/**
 * Fixes that move a literal secret out of the file, in the syntax the file's client
 * expands. The secret itself is only ever deleted, never copied anywhere.
 *
 * `valueNode` is the string holding the secret; `replacement(ref)` builds the new value
 * from a reference (so "Bearer <token>" can become "Bearer ${input:x}").
 */
export function secretReferenceFixes(context: RuleContext, server: ServerEntry, variableName: string, valueNode: TreeNode, replacement: (reference: string) => string): FixSpec[] {
  const fixes: FixSpec[] = [];
  const { dialect, doc } = context;
  // `${input:}` needs an `inputs` entry, written with jsonc-parser: JSON files of a client
  // known to expand it only (the generic dialect does not know which client reads the file).
  if (doc.syntax === 'json' && dialect.variables.includes('input') && dialect.id !== 'generic') {
    const input = inputEdits(context, variableName, server);
    fixes.push({
      title: `Replace with \${input:${input.id}} (prompted once, stored securely)`,
      safe: false,
      preferred: true,
      // Lazy: `modify` re-parses the whole file, too costly to do for every finding on every keystroke.
      edits: () => {
        const value: OffsetEdit = { offset: valueNode.offset, length: valueNode.length, content: doc.quote(replacement('${input:' + input.id + '}')) };
        return [value, ...input.edits(value)];
      },
    });
  }
  if (dialect.envReference) {
    // An env entry "KEY": "${KEY}" hands the host's own KEY to the server (secret-mirrored-host-env):
    // point at a dedicated variable instead.
    const key = valueNode.parent?.type === 'property' ? valueNode.parent.children?.[0]?.value : undefined;
    let reference = dialect.envReference(variableName);
    const referenced = findReferences(reference)[0]?.name ?? variableName;
    if (typeof key === 'string' && key.toUpperCase() === referenced.toUpperCase()) reference = dialect.envReference('MCP_' + variableName);
    fixes.push({
      title: `Replace with ${reference} (read from your environment)`,
      safe: false,
      preferred: fixes.length === 0,
      edits: [{ offset: valueNode.offset, length: valueNode.length, content: doc.quote(replacement(reference)) }],
    });
  }
  if (!dialect.envReference && !dialect.variables.includes('input') && dialect.id !== 'generic') {
    const removal = removeEnvEntryFix(context, server, valueNode);
    if (removal) fixes.push(removal);
  }
  return fixes;
}

/**
 * Clients that expand no variable (Claude Desktop, Zed, LM Studio, Junie, Visual Studio,
 * Codex, Goose): a reference would be passed to the server literally, so the only fix is to
 * delete the whole `"KEY": "value"` entry of the server's env map (comments and the rest of
 * the entry kept) and say where the value goes instead, in the client's own terms (its
 * schema's `expansionHint`). Unsafe, never in fix-all: the server loses the value until the
 * user provides it.
 */
function removeEnvEntryFix(context: RuleContext, server: ServerEntry, valueNode: TreeNode): FixSpec | undefined {
  const property = valueNode.parent;
  const key = property?.type === 'property' ? property.children?.[0]?.value : undefined;
  if (typeof key !== 'string' || property?.children?.[1] !== valueNode || !server.envNode || property.parent !== server.envNode) return undefined;
  // A duplicated key: removing one entry would reveal the other, not remove the secret.
  if (server.envNode.children?.some((p) => p !== property && p.children?.[0]?.value === key)) return undefined;
  const edit = removeProperty(property, context.doc);
  if (!edit) return undefined;
  return { title: `Remove the plaintext ${key} from the file (${whereInstead(context)})`, safe: false, edits: [edit] };
}

/** Where a secret goes for a client without variables, from its schema's `expansionHint`. */
function whereInstead(context: RuleContext): string {
  const { dialect } = context;
  const hint = dialect.schema?.expansionHint ?? '';
  const name = dialect.displayName;
  if (hint.includes('env_vars')) return `list it in env_vars so ${name} forwards it from its environment`;
  if (hint.includes('env_keys')) return `list it in env_keys so ${name} reads it from the keyring or secrets.yaml`;
  if (!hint.includes('inherit') && hint.includes('wrapper script')) return 'set it in a wrapper script that starts the server';
  return `set it in the environment ${name} starts from`;
}

/** Environment-style variable name for a key: "x-api-key" -> "X_API_KEY". */
export function variableNameFor(key: string, server: ServerEntry): string {
  const base = key.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toUpperCase();
  if (base && /^[A-Z_]/.test(base)) return base;
  return (server.name.replace(/[^A-Za-z0-9]+/g, '_') + '_' + (base || 'SECRET')).toUpperCase();
}

/**
 * The `inputs` entry for `${input:id}`: reuses an existing password prompt with the same
 * id, otherwise appends one, keeping the file's indentation and comments.
 */
function inputEdits(context: RuleContext, variableName: string, server: ServerEntry): { id: string; edits: (avoid: OffsetEdit) => OffsetEdit[] } {
  const root = context.doc.root;
  const baseId = variableName.toLowerCase().replace(/_/g, '-');
  const inputsPath = inputsPathFor(context);
  const inputsNode = inputsPath.reduce<TreeNode | undefined>((node, key) => getValue(node, key), root);
  const existing = new Map<string, TreeNode>();
  for (const item of inputsNode?.type === 'array' ? inputsNode.children ?? [] : []) {
    const id = getValue(item, 'id');
    if (id?.type === 'string') existing.set(id.value as string, item);
  }
  const reusable = existing.get(baseId);
  if (reusable && getValue(reusable, 'password')?.value === true) return { id: baseId, edits: () => [] };
  let id = baseId;
  for (let n = 2; existing.has(id); n++) id = `${baseId}-${n}`;
  const input = { type: 'promptString', id, description: `${humanize(variableName)} for the "${server.name}" MCP server`, password: true };
  const path = inputsNode?.type === 'array' ? [...inputsPath, -1] : inputsPath;
  const value = inputsNode?.type === 'array' ? input : [input];
  // Put a new `inputs` before the servers map, where VS Code's own docs show it.
  const options = {
    getInsertionIndex: (properties: string[]) => {
      const serversIndex = properties.indexOf('servers');
      return serversIndex >= 0 ? serversIndex : properties.length;
    },
  };
  // jsonc-parser formats the whole lines its insertion touches: in a file written on one
  // line (or with the secret on the insertion's line) that edit would overlap the value's
  // replacement. Then the entry is inserted as compact JSON, and nothing else is touched.
  const edits = (avoid: OffsetEdit) => {
    const formatted = modify(context.doc.text, path, value, { ...options, formattingOptions: detectFormatting(context.doc.text) });
    return formatted.some((edit) => touches(edit, avoid)) ? modify(context.doc.text, path, value, options) : formatted;
  };
  return { id, edits };
}

function touches(a: OffsetEdit, b: OffsetEdit): boolean {
  return a.offset <= b.offset + b.length && b.offset <= a.offset + a.length;
}

/**
 * Where the client reads `inputs`, as its dialect declares it (`schema.inputsPath`): root
 * `inputs` in mcp.json, `mcp.inputs` in settings.json, `customizations.vscode.mcp.inputs` in
 * devcontainer.json. Guessing from the keys present wrote a root `inputs` into a
 * settings.json that also had a root `servers` key, which VS Code never reads there.
 */
function inputsPathFor(context: RuleContext): string[] {
  return [...(context.dialect.schema?.inputsPath ?? ['inputs'])];
}

function humanize(name: string): string {
  const words = name.toLowerCase().split('_').filter(Boolean);
  const text = words.join(' ').replace(/\bapi\b/g, 'API').replace(/\bpat\b/g, 'PAT').replace(/\burl\b/g, 'URL');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
