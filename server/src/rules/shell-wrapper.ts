import type { Rule, RuleContext } from '../core/rule';
import type { ServerEntry } from '../core/model';
import { shortValue } from '../core/summary';
import type { FixSpec } from '../core/types';
import { shellScriptOf, simpleShellWords, CMD_METACHARACTERS } from '../launch/shell';
import { downloadAndExecute } from '../launch/downloadExec';
import { redactSecrets } from '../secrets/redact';

/**
 * A server started through a shell runs a script, not a program: chaining, expansions and
 * downloads hide in it, the client's approval shows only "bash", and the launch checks
 * (pinning, registries) cannot read it. `cmd /c npx -y pkg` is the documented Windows form
 * and is fine when it is one plain command.
 */
export const rule: Rule = {
  id: 'shell-wrapper',
  meta: {
    category: 'supply-chain',
    scope: 'server',
    defaultSeverity: 'warning',
    description: 'A server started through sh/bash -c, pwsh -Command/-EncodedCommand, or cmd /c with a shell string.',
    fixable: true,
    owasp: ['MCP05'],
    threat:
      'Installer spoofing and hidden commands: a shell string can chain downloads, redirections or other programs behind an innocent-looking server entry.',
  },
  checkServer(context, server) {
    const shell = shellScriptOf(server);
    if (!shell) return;
    if (downloadAndExecute(shell.script, shell.shell)) return; // download-and-execute reports it, as an error
    const first = shell.values[0].node;
    const last = shell.values[shell.values.length - 1].node;
    const range = { offset: first.offset, length: last.offset + last.length - first.offset };
    if (shell.encoded) {
      const preview = redactSecrets(shell.script.replace(/\s+/g, ' ').trim()).slice(0, 80);
      context.report({
        ...range,
        server,
        severity: 'error',
        message: `Base64-encoded PowerShell command (${shortValue(shell.flag, 20)}): run the program directly with plain arguments. Server "${server.name}" hides what it runs from review${preview ? `; it decodes to "${preview}${shell.script.length > 80 ? '…' : ''}"` : ''}.`,
      });
      return;
    }
    if (shell.shell === 'cmd') {
      if (!CMD_METACHARACTERS.test(shell.script)) return; // `cmd /c npx -y pkg`: the normal Windows form
      context.report({
        ...range,
        server,
        message: `cmd.exe command string with operators: run one program directly (cmd /c <launcher> <args> at most). Server "${server.name}" ("${abbreviate(shell.script)}") can chain or redirect commands that a reviewer and the other checks do not see.`,
      });
      return;
    }
    const words = shell.shell === 'sh' ? simpleShellWords(shell.script) : undefined;
    const shellName = `${shell.program} ${shell.flag}`;
    if (!words && isSingleCommand(shell.script, shell.shell)) {
      context.report({
        ...range,
        server,
        severity: 'information',
        message: `"${shortValue(shellName, 20)}" wraps one command only to expand variables: run the program directly, values in env. Server "${server.name}" ("${abbreviate(shell.script)}"): the shell hides the program from the client's approval and from the other checks.`,
      });
      return;
    }
    if (words) {
      const fix = unwrapFix(context, server, shell.values.length === 1 && server.args.at(-1) === shell.values[0], words);
      context.report({
        ...range,
        server,
        severity: 'information',
        message: `"${shortValue(shellName, 20)}" wraps a single command: run "${shortValue(words[0], 30)}" directly with its arguments. Server "${server.name}": the shell adds nothing but hides the program from the client's approval and from the other checks.`,
        fixes: fix ? [fix] : [],
      });
      return;
    }
    context.report({
      ...range,
      server,
      message: `Shell script through "${shortValue(shellName, 20)}": run one program directly, or a reviewed script file in the repository. Server "${server.name}" ("${abbreviate(shell.script)}"): chaining, expansions and downloads in it run with your rights and escape the other launch checks.`,
    });
  },
};

/** One command, no chaining, pipes, redirection or command substitution (variable expansion allowed). */
function isSingleCommand(script: string, shell: 'sh' | 'powershell'): boolean {
  const withoutQuotedText = script.replace(/'[^']*'/g, "''");
  if (shell === 'powershell') return !/[;|&<>`]|\$\(|\b(?:iex|invoke-expression)\b/i.test(withoutQuotedText);
  return !/[;|&<>`\n]|\$\(|<\(/.test(withoutQuotedText);
}

function abbreviate(text: string): string {
  // Masked before quoting: a shell line often carries a token (API_KEY=... npx ...).
  const flat = redactSecrets(text.replace(/\s+/g, ' ').trim());
  return flat.length > 60 ? flat.slice(0, 57) + '…' : flat;
}

/**
 * `"command": "bash", "args": ["-c", "npx -y pkg@1"]` -> `"command": "npx", "args": ["-y", "pkg@1"]`.
 * Only when the script is the last argument (nothing passed as $0, $1...) and the command
 * is a single program name, in JSON files. Not safe for fix-all: the shell may have set up
 * PATH or a login environment (`-l`) the program relied on.
 */
function unwrapFix(context: RuleContext, server: ServerEntry, scriptIsLast: boolean, words: string[]): FixSpec | undefined {
  if (!scriptIsLast || context.doc.syntax !== 'json' || !server.command || !server.argsNode || /\s/.test(server.command.value.trim())) return undefined;
  const quote = (s: string) => context.doc.quote(s);
  return {
    title: `Run "${words[0]}" directly instead of through the shell`,
    safe: false,
    edits: [
      { offset: server.command.node.offset, length: server.command.node.length, content: quote(words[0]) },
      { offset: server.argsNode.offset, length: server.argsNode.length, content: `[${words.slice(1).map(quote).join(', ')}]` },
    ],
  };
}
