import type { FixSpec, OffsetEdit } from '../core/types';
import type { ServerEntry } from '../core/model';
import type { RuleContext } from '../core/rule';
import { getProperty, getValue, getValueAtPath, type ParsedDocument, type TreeNode } from '../core/tree';
import { insertArrayElement, insertProperty, removeProperty } from './nodeEdits';
import { findReferences, type VariableSyntax } from '../core/interpolation';
import { normalizePath, type SharedReader } from '../core/dialect';

/**
 * Fixes that move a literal secret out of the file, in the syntax the file's client
 * expands. The secret itself is only ever deleted, never copied anywhere.
 *
 * `valueNode` is the string holding the secret; `replacement(ref)` builds the new value
 * from a reference (so "Bearer <token>" can become "Bearer ${input:x}").
 */
export function secretReferenceFixes(
  context: RuleContext,
  server: ServerEntry,
  variableName: string,
  valueNode: TreeNode,
  replacement: (reference: string) => string,
): FixSpec[] {
  const fixes: FixSpec[] = [];
  const { dialect, doc } = context;
  const readers = dialect.sharedReaders?.(normalizePath(context.filePath)) ?? [];
  // `${input:}` needs an `inputs` entry, written with jsonc-parser: JSON files of a client
  // known to expand it only (the generic dialect does not know which client reads the file).
  if (doc.syntax === 'json' && dialect.variables.includes('input') && dialect.id !== 'generic') {
    const input = inputEdits(context, variableName, server);
    if (input) {
      fixes.push({
        title: `Replace with \${input:${input.id}} (prompted once, stored securely${readerCaveat(readers, 'input')})`,
        safe: false,
        preferred: true,
        // Deferred: diagnostics carry the title only, the edits are sent when the fix is asked for.
        edits: () => [{ offset: valueNode.offset, length: valueNode.length, content: doc.quote(replacement('${input:' + input.id + '}')) }, ...input.edits()],
      });
    }
  }
  if (dialect.envReference) {
    // An env entry "KEY": "${KEY}" hands the host's own KEY to the server (secret-mirrored-host-env):
    // point at a dedicated variable instead.
    const key = valueNode.parent?.type === 'property' ? valueNode.parent.children?.[0]?.value : undefined;
    let reference = dialect.envReference(variableName);
    const referenced = findReferences(reference)[0];
    if (typeof key === 'string' && key.toUpperCase() === (referenced?.name ?? variableName).toUpperCase())
      reference = dialect.envReference('MCP_' + variableName);
    fixes.push({
      title: `Replace with ${reference} (${dialect.referenceSource ?? 'read from your environment'}${readerCaveat(readers, findReferences(reference)[0]?.syntax)})`,
      safe: false,
      preferred: fixes.length === 0,
      edits: [{ offset: valueNode.offset, length: valueNode.length, content: doc.quote(replacement(reference)) }],
    });
  }
  if (!dialect.envReference && !dialect.variables.includes('input')) {
    const byName = envEntryFix(context, server, valueNode) ?? headerFix(context, server, valueNode, variableName, replacement);
    if (byName) fixes.push(byName);
  }
  return fixes;
}

/**
 * " ; Copilot Agent Host sessions skip servers that need it": the readers of this file (besides
 * its own client) that the syntax would break, so the user can pick the portable fix instead.
 * Readers whose behaviour is not documented are left to docs/remediation.md.
 */
function readerCaveat(readers: readonly SharedReader[], syntax: VariableSyntax | undefined): string {
  const broken = readers.filter((reader) => reader.expands !== 'unverified' && !(syntax && reader.expands.includes(syntax)));
  return broken.map((reader) => `; ${reader.name} ${reader.otherwise}`).join('');
}

/**
 * Clients that expand no variable in the file but still hand the server a variable the
 * user sets where the client runs: Codex `env_vars` and Goose `env_keys` name variables
 * forwarded from the client's environment (the entry moves there); Zed starts servers with
 * its whole environment (the entry is only removed). Unsafe, never in fix-all: the value
 * must be set first. Clients with no such way get no removal fix at all (deleting the value
 * would leave a server without it: Claude Desktop passes only a few standard variables);
 * their message says what to do instead (secrets/advice.ts).
 */
function envEntryFix(context: RuleContext, server: ServerEntry, valueNode: TreeNode): FixSpec | undefined {
  const schema = context.dialect.schema;
  const property = valueNode.parent;
  const key = property?.type === 'property' ? property.children?.[0]?.value : undefined;
  if (typeof key !== 'string' || property?.children?.[1] !== valueNode || !server.envNode || property.parent !== server.envNode) return undefined;
  if (!schema?.passthroughListKey && !schema?.inheritsEnvironment) return undefined;
  // A duplicated key: removing one entry would reveal the other, not remove the secret.
  if (server.envNode.children?.some((p) => p !== property && p.children?.[0]?.value === key)) return undefined;
  const removal = removeMember(property, server, context.doc);
  if (!removal) return undefined;
  const name = context.dialect.displayName;
  if (!schema.passthroughListKey)
    return { title: `Remove ${key} from env (${name} passes its own environment to the server; set ${key} there)`, safe: false, edits: [removal] };
  const listKey = schema.passthroughListKey;
  const list = getValue(server.node, listKey);
  const listed = list?.type === 'array' && list.children?.some((item) => item.value === key || getValue(item, 'name')?.value === key);
  const addition = listed
    ? []
    : list
      ? list.type === 'array'
        ? insertArrayElement(list, key, context.doc)
        : undefined
      : insertProperty(server.node, listKey, [key], context.doc);
  if (!addition) return undefined;
  return { title: `Move ${key} to ${listKey} (${name} passes it from its environment; set it there)`, safe: false, edits: [removal, ...addition] };
}

/**
 * Codex fills headers from named variables: `Authorization: Bearer <token>` becomes
 * `bearer_token_env_var = "NAME"`, any other header whose whole value is the secret moves to
 * `env_http_headers = { Header = "NAME" }` (Codex config docs, "mcp_servers"). A header with
 * the secret inside other text has no such form: no fix.
 */
function headerFix(
  context: RuleContext,
  server: ServerEntry,
  valueNode: TreeNode,
  variableName: string,
  replacement: (reference: string) => string,
): FixSpec | undefined {
  const indirection = context.dialect.schema?.headerIndirection;
  const property = valueNode.parent;
  const headers = getValue(server.node, indirection?.headersKey ?? '');
  const header = property?.type === 'property' ? property.children?.[0]?.value : undefined;
  if (!indirection || typeof header !== 'string' || property?.children?.[1] !== valueNode || property.parent !== headers) return undefined;
  const marker = '\u0000';
  const shape = replacement(marker);
  const bearer = /^authorization$/i.test(header) && /^bearer \u0000$/i.test(shape);
  if (!bearer && shape !== marker) return undefined;
  if (headers?.children?.some((p) => p !== property && p.children?.[0]?.value === header)) return undefined;
  const removal = removeMember(property, server, context.doc);
  if (!removal) return undefined;
  const doc = context.doc;
  if (bearer) {
    if (getValue(server.node, indirection.bearerKey)) return undefined;
    const addition = insertProperty(server.node, indirection.bearerKey, variableName, doc);
    return (
      addition && {
        title: `Move the token to ${indirection.bearerKey} = "${variableName}" (Codex reads it from its environment; set it there)`,
        safe: false,
        edits: [removal, ...addition],
      }
    );
  }
  const envHeaders = getValue(server.node, indirection.envHeadersKey);
  if (envHeaders && (envHeaders.type !== 'object' || getValue(envHeaders, header))) return undefined;
  const addition = envHeaders
    ? insertProperty(envHeaders, header, variableName, doc)
    : insertProperty(server.node, indirection.envHeadersKey, { [header]: variableName }, doc);
  return (
    addition && {
      title: `Move ${header} to ${indirection.envHeadersKey} as "${variableName}" (Codex reads it from its environment; set it there)`,
      safe: false,
      edits: [removal, ...addition],
    }
  );
}

/**
 * Removes a member of a map inside the server entry; when it is the map's only member, the
 * map's own key goes too (`env = {}` or an empty `[mcp_servers.x.env]` table says nothing).
 */
function removeMember(property: TreeNode, server: ServerEntry, doc: ParsedDocument): OffsetEdit | undefined {
  const map = property.parent;
  const holder = map?.parent;
  if (map?.children?.length === 1 && holder?.type === 'property' && holder.parent === server.node)
    return removeProperty(holder, doc) ?? removeProperty(property, doc);
  return removeProperty(property, doc);
}

/**
 * The `inputs` entry for `${input:id}`: reuses an existing password prompt with the same
 * id, otherwise appends one (see `inputInsertion`).
 */
function inputEdits(context: RuleContext, variableName: string, server: ServerEntry): { id: string; edits: () => OffsetEdit[] } | undefined {
  const root = context.doc.root;
  const baseId = variableName.toLowerCase().replace(/_/g, '-');
  const inputsPath = inputsPathFor(context);
  const inputsNode = inputsPath.reduce<TreeNode | undefined>((node, key) => getValue(node, key), root);
  const existing = new Map<string, TreeNode>();
  for (const item of inputsNode?.type === 'array' ? (inputsNode.children ?? []) : []) {
    const id = getValue(item, 'id');
    if (id?.type === 'string') existing.set(id.value as string, item);
  }
  const reusable = existing.get(baseId);
  if (reusable && getValue(reusable, 'password')?.value === true) return { id: baseId, edits: () => [] };
  let id = baseId;
  for (let n = 2; existing.has(id); n++) id = `${baseId}-${n}`;
  const input = { type: 'promptString', id, description: `${humanize(variableName)} for the "${server.name}" MCP server`, password: true };
  const edits = inputInsertion(context.doc, inputsPath, input);
  return edits && { id, edits: () => edits };
}

/**
 * Adds `input` to the `inputs` array at `inputsPath`, written like the inputs before it;
 * a missing `inputs` is created in the deepest object of its path that exists, before the
 * servers map (where VS Code's own docs show it). Nothing else in the file is touched.
 * Undefined when no faithful insertion exists (an `inputs` that is not an array).
 */
export function inputInsertion(doc: ParsedDocument, inputsPath: readonly string[], input: object): OffsetEdit[] | undefined {
  const inputsNode = getValueAtPath(doc.root, inputsPath);
  if (inputsNode) return inputsNode.type === 'array' ? insertArrayElement(inputsNode, input, doc) : undefined;
  let holder = doc.root;
  let depth = 0;
  for (; depth < inputsPath.length - 1; depth++) {
    const next = getValue(holder, inputsPath[depth]);
    if (!next) break;
    holder = next;
  }
  if (holder?.type !== 'object') return undefined;
  const value = inputsPath.slice(depth + 1).reduceRight<unknown>((inner, key) => ({ [key]: inner }), [input]);
  return insertProperty(holder, inputsPath[depth], value, doc, getProperty(holder, 'servers'));
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
  const text = words
    .join(' ')
    .replace(/\bapi\b/g, 'API')
    .replace(/\bpat\b/g, 'PAT')
    .replace(/\burl\b/g, 'URL');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
