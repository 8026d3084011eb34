import * as vscode from 'vscode';
import { PIN_VERSION_COMMAND, PIN_VERSION_MANUALLY_COMMAND, type PinArguments, type PinResult } from '../../server/src/common/protocol';
import { pinVersionProblem } from '../../server/src/common/pinInput';

/** What to type, and the command that shows the real value (never a made-up example version). */
function placeholder(args: PinArguments): string {
  switch (args.kind) {
    case 'npm':
      return `Exact version (npm view ${args.name} version shows the newest)`;
    case 'PyPI':
      return `Exact version (pip index versions ${args.name} lists them)`;
    case 'Docker':
      return `Digest sha256:… (docker buildx imagetools inspect ${args.name}:${args.tag ?? 'latest'} shows it)`;
    case 'git':
      return 'Full commit id, 40 hex digits (git rev-parse <ref> shows it)';
  }
}

/**
 * "Pin … to a version…": asks for the exact version (digest, commit) in an input box,
 * validated as the server will validate it, then lets the server write it
 * (mcpHygiene.pinVersion with `pinTo`, a command the language client registers for the
 * server). `args.error` says why no lookup happened or what went wrong: shown as the prompt.
 * The optional second argument answers the input box (tests).
 */
export function registerPinCommands(): vscode.Disposable {
  return vscode.commands.registerCommand(PIN_VERSION_MANUALLY_COMMAND, async (args: PinArguments | undefined, answer?: string) => {
    if (!args || typeof args.uri !== 'string') return undefined;
    const what = args.kind === 'Docker' ? `${args.name}:${args.tag ?? 'latest'}` : args.name;
    const value =
      answer ??
      (await vscode.window.showInputBox({
        title: `Pin ${what}`,
        prompt: args.error
          ? `${args.error}`
          : args.kind === 'git'
            ? 'The commit to pin to.'
            : args.kind === 'Docker'
              ? 'The digest to pin to.'
              : 'The exact version to pin to.',
        placeHolder: placeholder(args),
        ignoreFocusOut: true,
        validateInput: (text) => pinVersionProblem(args.kind, text) ?? null,
      }));
    if (value === undefined) return undefined;
    const { error: _reason, ...rest } = args;
    const result = await vscode.commands.executeCommand<PinResult | undefined>(PIN_VERSION_COMMAND, { ...rest, pinTo: value.trim() });
    if (!result?.applied) void vscode.window.showErrorMessage(`MCP Hygiene could not pin ${what}: ${result?.error ?? 'the language server is not running.'}`);
    return result;
  });
}
