import { pinVersionProblem } from '../launch/pinnable';

/**
 * Git sources are pinned to a commit the user supplies (an input box): resolving a branch or
 * tag would need a `git ls-remote` against an arbitrary host, which MCP Hygiene never runs.
 * This only checks the input: a full 40- (or 64-) hex commit id.
 */
export function gitCommitProblem(input: string): string | undefined {
  return pinVersionProblem('git', input);
}
