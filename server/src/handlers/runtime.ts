import type { Disposable } from 'vscode-languageserver';
import type { Logger } from './runSafe';

/**
 * What the server needs from its host, injected so tests can drive it over in-memory
 * streams. Model: json-language-features' RuntimeEnvironment.
 */
export interface RuntimeEnvironment {
  readonly timer: {
    setImmediate(callback: () => void): Disposable;
    setTimeout(callback: () => void, ms: number): Disposable;
  };
  /** Where logs go; default: the client's output channel (connection.console). Never document text. */
  readonly logger?: Logger;
  /** Debounce after an edit before push diagnostics are recomputed (default 300 ms; tests use 0). */
  readonly validationDelayMs?: number;
  /** Runs git for the workspace's git state (tests inject one); default: `git` with a timeout. */
  readonly git?: (cwd: string, args: string[]) => Promise<string>;
}
