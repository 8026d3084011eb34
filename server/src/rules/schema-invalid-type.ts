import type { Rule } from '../core/rule';
import { entries, type TreeNode } from '../core/tree';
import { bool, num, str, strList, strMap } from '../dialects/schema';
import { clientName, describeNode, nodeAtPath, schemaEntries, shown, toValue } from '../dialects/schemaCheck';
import { ownValue } from '../core/lookupTable';

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  record: 'an object (name: value)',
};

/**
 * A known key with a value of the wrong type (`args` as one string, `env` values as numbers
 * where the client validates, `command` as an array outside opencode...). Strict clients
 * drop the entry; lenient ones misread it.
 */
export const rule: Rule = {
  id: 'schema-invalid-type',
  meta: {
    category: 'schema',
    scope: 'server',
    defaultSeverity: 'error',
    description: "A server entry's key has a value of a type this client does not accept.",
    fixable: false,
    owasp: [],
    threat: 'Silent misconfiguration: the server fails to start or starts with different arguments than written.',
  },
  check(context) {
    const schema = context.dialect.schema;
    if (!schema) return;
    const client = clientName(context.dialect);
    const shape = schema.entry().shape as unknown as Record<
      string,
      {
        safeParse(value: unknown): {
          success: boolean;
          error?: { issues: Array<{ code: string; path: PropertyKey[]; message: string; expected?: string; values?: unknown[] }> };
        };
      }
    >;
    for (const server of schemaEntries(context.config.servers)) {
      for (const { key, valueNode } of entries(server.node)) {
        const field = ownValue(shape, key); // the key is the document's: `constructor`, `isPrototypeOf`
        // The transport key's values are schema-unsupported-transport's (one finding, with a fix).
        if (!field || (key === schema.typeKey && schema.transports && valueNode.type === 'string')) continue;
        if (plainlyValid(field, valueNode)) continue;
        const result = field.safeParse(toValue(valueNode));
        if (result.success || !result.error) continue;
        const issue = result.error.issues[0];
        const node = nodeAtPath(valueNode, issue.path);
        const where = `"${key}"${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`;
        let message: string;
        if (!/^Invalid (input|option)/.test(issue.message))
          message = `${issue.message}${node.type === 'number' || node.type === 'string' ? ` (found ${node.type === 'number' ? String(node.value) : JSON.stringify(shown(String(node.value)))})` : ''}.`;
        else if (issue.code === 'invalid_type' && /^Invalid input/.test(issue.message))
          message = `${where} must be ${EXPECTED[issue.expected ?? ''] ?? issue.expected}, not ${describeNode(node)}: fix the value. ${client} ${issue.path.length ? 'passes the server a wrong value' : 'misreads or rejects the server entry'}.`;
        else if (issue.values)
          message = `Unsupported value for ${where}: use one ${client} accepts. It accepts ${issue.values.map((v) => JSON.stringify(v)).join(', ')}; found ${node.type === 'string' ? JSON.stringify(shown(node.value as string)) : describeNode(node)}.`;
        else message = `Invalid value for ${where}: fix it. ${client} does not accept ${describeNode(node)} there.`;
        context.report({ node, server, message: message.replace(/\.\.$/, '.'), fixes: [] });
      }
    }
  },
};

/**
 * Values that the field types most keys share plainly accept, told from the tree: most entries
 * are valid, and building a value and running zod for each of their keys was most of the rule.
 */
function plainlyValid(field: unknown, node: TreeNode): boolean {
  if (field === str) return node.type === 'string';
  if (field === bool) return node.type === 'boolean';
  // TOML and YAML can spell inf and nan, which zod's number refuses.
  if (field === num) return node.type === 'number' && Number.isFinite(node.value);
  if (field === strList) return node.type === 'array' && (node.children ?? []).every((child) => child.type === 'string');
  if (field === strMap) return node.type === 'object' && entries(node).every((entry) => entry.valueNode?.type === 'string');
  return false;
}
