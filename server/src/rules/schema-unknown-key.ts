import type { Rule, RuleContext } from '../core/rule';
import { DIALECTS } from '../dialects';
import type { Severity } from '../core/types';
import { entries, type TreeNode } from '../core/tree';
import { closest } from '../dialects/schema';
import { clientName, keyText, schemaEntries, shown, toValue } from '../dialects/schemaCheck';
import { ownValue } from '../core/lookupTable';

/** Clients whose loader rejects the whole entry (or file) on an unknown key. */
const REJECTS_UNKNOWN = new Set(['codex']);

/**
 * A key the client does not read: usually a typo or another client's spelling
 * (`serverUrl` in VS Code, `alwaysAllow` in Cline...), so the setting silently does nothing.
 *
 * Comments written as keys are not reported: strict JSON has no comments, so `"_comment"`,
 * `"//"`, `"note"` are how people write one, and their having no effect is the point (a client
 * that ignores unknown keys ignores them; Codex, which rejects unknown keys, still gets an
 * error). Other `_`-prefixed keys (`_meta: {...}`) and documentation keys (`description`,
 * `metadata`) are deliberate too: information, never a did-you-mean.
 */
export const rule: Rule = {
  id: 'schema-unknown-key',
  meta: {
    category: 'schema',
    scope: 'server',
    defaultSeverity: 'warning',
    description: 'A server entry (or the file) has a key this client does not read; it is ignored, or rejected by strict clients.',
    fixable: true,
    owasp: [],
    threat: 'Silent misconfiguration: a restriction the user wrote (tool filter, approval list, disabled flag) is not applied.',
  },
  check(context) {
    const schema = context.dialect.schema;
    if (!schema) {
      if (context.dialect.id === 'generic') checkLenient(context);
      return;
    }
    if (!schema.strictKeys) return;
    const client = clientName(context.dialect);
    const known = Object.keys(schema.entry().shape);
    for (const server of schemaEntries(context.config.servers)) {
      for (const { key, keyNode, valueNode } of entries(server.node)) {
        if (known.includes(key) || key.startsWith('$') || key.startsWith('//')) continue;
        const comment = isCommentKey(key, valueNode);
        if (comment && !REJECTS_UNKNOWN.has(context.dialect.id)) continue;
        // Own entries only: the key is the document's (`constructor`, `__proto__`).
        const candidate =
          (schema.renames && ownValue(schema.renames, key)) ?? (comment || isDeliberateKey(key) ? undefined : nearest(key, known, schema.renames));
        // A suggestion the entry already has is no suggestion (`_comment` next to `command`).
        const suggestion = candidate !== undefined && !entries(server.node).some((e) => e.key === candidate) ? candidate : undefined;
        const severity: Severity = REJECTS_UNKNOWN.has(context.dialect.id) ? 'error' : suggestion ? 'warning' : 'information';
        const consequence = REJECTS_UNKNOWN.has(context.dialect.id)
          ? `; ${client} rejects unknown keys, so it does not load this server`
          : ', so it has no effect';
        context.report({
          node: keyNode,
          server,
          severity,
          message: `Unknown key "${shown(key)}": ${suggestion ? `rename it to "${suggestion}"` : comment && context.doc.syntax !== 'json' ? 'write the note as a # comment instead' : 'remove it, or check the client documentation for the right key'}. ${client} does not read it in a server entry${consequence}.`,
          fixes:
            // Only when the value is valid under the new key: `alwaysAllow: [...]` -> Gemini `trust` is a hint, not a rename.
            suggestion && fits(schema.entry().shape, suggestion, toValue(valueNode))
              ? [
                  {
                    title: `Rename "${shown(key)}" to "${suggestion}"`,
                    safe: false,
                    preferred: true,
                    edits: [{ offset: keyNode.offset, length: keyNode.length, content: keyText(context.doc, keyNode, suggestion) }],
                  },
                ]
              : [],
        });
      }
    }
    if (schema.rootKeys && context.doc.root?.type === 'object') {
      const servers = schema.serversPath[0];
      for (const { key, keyNode, valueNode } of entries(context.doc.root)) {
        if (schema.rootKeys.includes(key) || key === servers || ['mcpServers', 'servers', 'context_servers', 'mcp_servers', 'mcp', 'extensions'].includes(key))
          continue;
        if (isCommentKey(key, valueNode)) continue;
        const suggestion = isDeliberateKey(key) ? undefined : closest(key, schema.rootKeys);
        context.report({
          node: keyNode,
          server: null,
          message: `Unknown top-level key "${shown(key)}": ${suggestion ? `rename it to "${suggestion}"` : 'remove it'}. ${client} ignores it here.${suggestion ? '' : ` Known keys: ${schema.rootKeys.map((k) => `"${k}"`).join(', ')}.`}`,
          fixes: [],
        });
      }
    }
  },
};

/**
 * The key a typo most likely meant: a close spelling of a known key (`comand`), the same key
 * with or without a plural `s` (`arg` → `args`), or a close spelling of another client's
 * name for a known key (`enviroment` ≈ `environment` → `env`).
 */
function nearest(key: string, known: readonly string[], renames?: Readonly<Record<string, string>>): string | undefined {
  const direct = closest(key, known);
  if (direct) return direct;
  const fold = (s: string) => s.toLowerCase().replace(/[-_]/g, '');
  const folded = fold(key);
  const plural = known.find((k) => fold(k) === `${folded}s` || `${fold(k)}s` === folded);
  if (plural) return plural;
  const aliases = Object.keys(renames ?? {}).filter((alias) => known.includes(renames![alias]));
  const alias = closest(key, aliases);
  return alias ? renames![alias] : undefined;
}

function fits(shape: Record<string, unknown>, key: string, value: unknown): boolean {
  const field = ownValue(shape, key) as { safeParse?(v: unknown): { success: boolean } } | undefined;
  return !!field?.safeParse && field.safeParse(value).success;
}

let allKnownKeys: string[] | undefined;

/**
 * The generic fallback does not know the client, so only near-misses of a key that no
 * client reads at all are reported ("comand"), as information.
 */
function checkLenient(context: RuleContext): void {
  allKnownKeys ??= [...new Set(DIALECTS.flatMap((d) => (d.schema ? Object.keys(d.schema.entry().shape) : [])))];
  for (const server of schemaEntries(context.config.servers)) {
    for (const { key, keyNode } of entries(server.node)) {
      if (allKnownKeys.includes(key) || key.startsWith('$') || key.startsWith('//') || isDeliberateKey(key)) continue;
      const suggestion = nearest(key, allKnownKeys);
      if (!suggestion || entries(server.node).some((e) => e.key === suggestion)) continue;
      context.report({
        node: keyNode,
        server,
        severity: 'information',
        message: `Unknown key "${shown(key)}": rename it to "${suggestion}". No MCP client reads it in a server entry, so it has no effect.`,
        fixes: [
          {
            title: `Rename "${shown(key)}" to "${suggestion}"`,
            safe: false,
            preferred: true,
            edits: [{ offset: keyNode.offset, length: keyNode.length, content: keyText(context.doc, keyNode, suggestion) }],
          },
        ],
      });
    }
  }
}

/** Names people give a comment key (after any `_`, `$`, `#`, `/`, `-` prefix). */
const COMMENT_NAMES = new Set([
  'comment',
  'comments',
  'note',
  'notes',
  'remark',
  'remarks',
  'todo',
  'todos',
  'fixme',
  'readme',
  'memo',
  'nb',
  'explanation',
  'instructions',
]);
/** Keys that document an entry for the reader (some clients show them, most ignore them). */
const DOCUMENTATION_NAMES = new Set([
  'description',
  'desc',
  'title',
  'summary',
  'about',
  'purpose',
  'metadata',
  'meta',
  'category',
  'categories',
  'tags',
  'author',
  'maintainer',
  'homepage',
  'website',
  'documentation',
  'docs',
]);

/**
 * A comment written as a key: `//…` or `#…`, a comment name (`_comment`, `__comment`,
 * `$comment`, `note`, `Notes`), or an `_`-prefixed key whose value is text (a string or a list
 * of strings: `"_why": "..."`, `"_instructions": ["...", "..."]`).
 */
function isCommentKey(key: string, value: TreeNode | undefined): boolean {
  if (key.startsWith('//') || key.startsWith('#')) return true;
  if (COMMENT_NAMES.has(key.replace(/^[_$#/-]+/, '').toLowerCase())) return true;
  return key.startsWith('_') && value !== undefined && isText(value);
}

function isText(node: TreeNode): boolean {
  return node.type === 'string' || (node.type === 'array' && (node.children ?? []).every((c) => c.type === 'string'));
}

/** A key nobody mistypes for a setting: `_`-prefixed (set aside on purpose), a comment, or documentation. */
function isDeliberateKey(key: string): boolean {
  const name = key.replace(/^[_$#/-]+/, '').toLowerCase();
  return key.startsWith('_') || key.startsWith('#') || COMMENT_NAMES.has(name) || DOCUMENTATION_NAMES.has(name);
}
