import type { Rule } from '../core/rule';
import { findReferences } from '../core/interpolation';
import { getValue, getValueAtPath } from '../core/tree';
import { inputInsertion } from '../fixes/secretReference';
import { clientName, schemaEntries, stringLeaves, subRange, verbatimValue } from '../dialects/schemaCheck';

/**
 * `${input:id}` with no `inputs` entry of that id: VS Code cannot resolve it and the server
 * fails to start (or gets the literal text).
 */
export const rule: Rule = {
  id: 'schema-undefined-input',
  meta: {
    category: 'schema',
    // Every reference gets its own "add the input" fix (the fix is never applied by fix-all,
    // and once one is applied the others' findings are gone), so no finding depends on
    // another server's references.
    scope: 'server',
    defaultSeverity: 'error',
    description: 'A ${input:id} reference names no entry of the file\'s "inputs".',
    fixable: true,
    owasp: [],
    threat: 'Silent misconfiguration: the server does not start; users then replace the reference with the secret itself.',
  },
  check(context) {
    const { dialect, doc } = context;
    const schema = dialect.schema;
    if (!schema?.inputsPath || !dialect.variables.includes('input')) return;
    const inputsNode = getValueAtPath(doc.root, schema.inputsPath);
    const ids = new Set<string>();
    for (const item of inputsNode?.type === 'array' ? (inputsNode.children ?? []) : []) {
      const id = getValue(item, 'id');
      if (id?.type === 'string') ids.add(id.value as string);
    }
    const client = clientName(dialect);
    for (const server of schemaEntries(context.config.servers)) {
      for (const { node, top } of stringLeaves(server.node)) {
        let verbatim: ReturnType<typeof verbatimValue> | null = null;
        for (const reference of findReferences(node.value as string)) {
          if (reference.syntax !== 'input' || ids.has(reference.name)) continue;
          verbatim ??= verbatimValue(doc, node);
          const secretish = top !== undefined && ['env', 'headers'].includes(top);
          const input = {
            type: 'promptString',
            id: reference.name,
            description: `Value of ${reference.name} for the "${server.name}" MCP server`,
            ...(secretish ? { password: true } : {}),
          };
          const edits = doc.syntax === 'json' ? inputInsertion(doc, schema.inputsPath, input) : undefined;
          const fixes = edits ? [{ title: `Add a promptString input "${reference.name}"`, safe: false, preferred: true, edits }] : [];
          context.report({
            ...subRange(node, verbatim, reference.start, reference.end),
            server,
            message: `\${input:${reference.name}} refers to no entry of "inputs": ${client} cannot ask for the value, so server "${server.name}" does not start. Add {"type": "promptString", "id": "${reference.name}"${secretish ? ', "password": true' : ''}} to "inputs", or fix the id${ids.size ? ` (declared: ${[...ids].map((i) => `"${i}"`).join(', ')})` : ''}.`,
            fixes,
          });
        }
      }
    }
  },
};
