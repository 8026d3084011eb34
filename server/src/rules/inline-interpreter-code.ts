import type { Rule } from '../core/rule';
import { allLaunches, spanOf } from '../launch/packages';
import { inlineCodeOf } from '../launch/inlineCode';
import { redactSecrets } from '../secrets/redact';

/**
 * A server whose code is a string in the config (`node -e "…"`, `python -c "…"`, `deno eval`,
 * `npx -c "…"`) is unversioned, unreviewed code that runs with the user's rights, and the
 * launch checks cannot see what it loads.
 */
export const rule: Rule = {
  id: 'inline-interpreter-code',
  meta: {
    category: 'supply-chain',
    scope: 'server',
    defaultSeverity: 'warning',
    description: 'A server that runs code written inline: node -e/-p, python -c, deno eval, npx -c / npm exec --call, ruby/perl -e, php -r.',
    fixable: false,
    owasp: ['MCP05'],
    threat:
      'Hidden commands: a config edit (by a pull request or a prompt-injected agent) can put arbitrary code in the server entry that looks like a routine launcher.',
  },
  checkServer(context, server) {
    for (const info of allLaunches(server)) {
      if (!info.invocation) continue;
      let found: { what: string; value: import('../core/model').StringValue; code: string } | undefined;
      const inline = inlineCodeOf(info.invocation);
      if (inline) found = { what: `inline ${inline.interpreter} code (${inline.flag})`, value: inline.code, code: inline.code.value };
      else if (info.deno?.evalCode) found = { what: `inline Deno code (${info.deno.launcher})`, value: info.deno.evalCode, code: info.deno.evalCode.value };
      else if (info.npm?.call) found = { what: `a shell command through ${info.npm.launcher} -c`, value: info.npm.call, code: info.npm.call.value };
      if (!found) continue;
      // Masked before it is cut short: a token cut in half no longer looks like one.
      const preview = redactSecrets(found.code.replace(/\s+/g, ' ').trim());
      context.report({
        ...spanOf(context.doc, found.value),
        server,
        message: `Inline code in the config: move it into a file in the repository (or a pinned package) and run that. Server "${server.name}" runs ${found.what} ("${preview.length > 50 ? preview.slice(0, 47) + '…' : preview}"): code kept in the config is unversioned and easy to slip past review.`,
      });
    }
  },
};
