import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import type { VariableReference, VariableSyntax } from '../core/interpolation';
import { findReferences } from '../core/interpolation';
import { clientName, isShell, schemaEntries, stringLeaves, subRange, verbatimValue } from '../dialects/schemaCheck';
import { isSecretLike } from '../secrets/redact';
import { maskSecret } from '../secrets/mask';

const SPELLING: Record<VariableSyntax, string> = {
  input: '${input:id}',
  'env-colon': '${env:NAME}',
  'vscode-builtin': '${workspaceFolder}-style editor variables',
  'dollar-brace': '${NAME}',
  dollar: '$NAME',
  'brace-env': '{env:NAME}',
  'gh-secrets': '${{ secrets.NAME }}',
};

/** Syntaxes whose name is an environment variable, so the client's own syntax can replace them. */
const ENV_LIKE: readonly VariableSyntax[] = ['env-colon', 'dollar-brace', 'dollar', 'brace-env', 'gh-secrets'];

/**
 * A `${...}` reference in a syntax this client does not expand (`${env:X}` in Claude Code,
 * `${X}` in VS Code, anything in Claude Desktop): the server receives the literal text,
 * typically as a broken token or path.
 */
export const rule: Rule = {
  id: 'schema-unexpanded-variable',
  meta: {
    category: 'schema',
    scope: 'server',
    defaultSeverity: 'warning',
    description: 'A value uses a variable syntax this client does not expand, so the server gets the literal text.',
    fixable: true,
    owasp: [],
    threat: 'Silent misconfiguration: authentication fails or a path points nowhere; users then paste the real secret into the file instead.',
  },
  check(context) {
    const { dialect, doc } = context;
    const schema = dialect.schema;
    if (!schema) return;
    const client = clientName(dialect);
    const supported = dialect.variables.map((v) => SPELLING[v]);
    for (const server of schemaEntries(context.config.servers)) {
      const shell = isShell(server.command?.value);
      for (const { node, top } of stringLeaves(server.node)) {
        if (top === undefined || schema.literalKeys?.includes(top)) continue;
        const value = node.value as string;
        let verbatim: ReturnType<typeof verbatimValue> | null = null;
        for (const reference of findReferences(value)) {
          if (dialect.variables.includes(reference.syntax)) continue;
          // Bare $NAME is ordinary text in commands and arguments (and a shell expands it itself).
          if (reference.syntax === 'dollar' && !['env', 'envs', 'environment', 'headers', 'url', 'http_headers', 'requestOptions'].includes(top)) continue;
          if (shell && (top === 'args' || top === 'command') && reference.syntax !== 'input') continue;
          verbatim ??= verbatimValue(doc, node);
          report(reference, node, value, verbatim);
        }
      }
    }

    function report(
      reference: VariableReference,
      node: NonNullable<ReturnType<typeof stringLeaves>[number]['node']>,
      value: string,
      verbatim: ReturnType<typeof verbatimValue>,
    ) {
      // A `${NAME:-default}` default is often the secret itself: never quote it.
      const raw = value.slice(reference.start, reference.end);
      const text =
        reference.defaultValue && isSecretLike(reference.defaultValue, reference.name)
          ? raw.replace(reference.defaultValue, maskSecret(reference.defaultValue))
          : raw;
      const range = subRange(node, verbatim, reference.start, reference.end);
      const replacement = ENV_LIKE.includes(reference.syntax) && dialect.envReference ? dialect.envReference(reference.name) : undefined;
      const instead = replacement
        ? ` Write ${replacement} instead.`
        : supported.length
          ? ` ${client} expands ${supported.join(', ')}.`
          : schema!.expansionHint
            ? ` ${client} expands no variables: ${schema!.expansionHint}.`
            : ` ${client} expands no variables in this file.`;
      context.report({
        ...range,
        server: context.config.servers.find((s) => node.offset >= s.node.offset && node.offset < s.node.offset + s.node.length) ?? null,
        message: `${client} does not expand ${shortValue(text, 40)}: ${replacement ? `write ${shortValue(replacement, 40)} instead` : 'use a syntax it expands, or the value'}. The server receives the literal text "${text}".${replacement ? '' : instead}`,
        fixes: replacement
          ? [
              {
                title: `Replace ${text} with ${replacement}`,
                safe: false,
                preferred: true,
                // Inside quotes the reference alone is replaced (client syntaxes hold no quote
                // or backslash); one edit per reference that rewrote the whole value made a
                // value full of references quadratic.
                edits: [
                  verbatim?.quoted && !/["'\\]/.test(replacement)
                    ? { offset: verbatim.offset + reference.start, length: reference.end - reference.start, content: replacement }
                    : {
                        offset: node.offset,
                        length: node.length,
                        content: doc.quote(value.slice(0, reference.start) + replacement + value.slice(reference.end)),
                      },
                ],
              },
            ]
          : [],
      });
    }
  },
};
