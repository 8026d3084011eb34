import { MessageType, ShowMessageNotification, type Connection, type DidChangeConfigurationParams } from 'vscode-languageserver';
import { parseSettings, DEFAULT_SETTINGS, type Settings } from '../common/settings';
import { SETTINGS_SECTION } from '../common/protocol';
import { describeError, type Logger } from './runSafe';

export interface SettingsStoreOptions {
  /** The client answers `workspace/configuration`; otherwise settings come with didChangeConfiguration. */
  pullConfiguration: boolean;
  /** Rule ids the server knows, to warn about typos in `mcpHygiene.rules`. */
  knownRuleIds: ReadonlySet<string>;
  /** Restricted mode (untrusted workspace): `network` is forced off whatever the settings say. */
  untrustedWorkspace?: boolean;
}

/**
 * `mcpHygiene.*` settings per resource: pulled with `workspace/configuration` (scopeUri =
 * the document), validated key by key with the shared zod schema, cached until the next
 * didChangeConfiguration. Each distinct problem is shown to the user once.
 * Model: vscode-eslint's settings plumbing and the lsp-sample.
 */
export class SettingsStore {
  private cache = new Map<string, Promise<Settings>>();
  /** Settings pushed with didChangeConfiguration, for clients without `workspace/configuration`. */
  private pushed: unknown = undefined;
  private readonly reported = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly logger: Logger,
    private readonly options: SettingsStoreOptions,
  ) {}

  /** The validated settings for a document (resource-scoped). */
  get(uri: string): Promise<Settings> {
    const cache = this.cache;
    let settings = cache.get(uri);
    if (!settings) {
      settings = this.load(uri);
      cache.set(uri, settings);
    }
    return settings;
  }

  /** Forgets every cached value; returns nothing to await, the next `get` pulls again. */
  onDidChangeConfiguration(params: DidChangeConfigurationParams): void {
    if (!this.options.pullConfiguration) {
      const all = params.settings as Record<string, unknown> | null | undefined;
      this.pushed = all && typeof all === 'object' ? all[SETTINGS_SECTION] : undefined;
    }
    // A new map, so a pull still in flight for the old configuration caches nowhere.
    this.cache = new Map();
  }

  evict(uri: string): void {
    this.cache.delete(uri);
  }

  private async load(uri: string): Promise<Settings> {
    let raw: unknown = this.pushed;
    if (this.options.pullConfiguration) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
      } catch (error) {
        this.logger.error(`Could not read the ${SETTINGS_SECTION} settings (${describeError(error)}); using the defaults.`);
        return DEFAULT_SETTINGS;
      }
    }
    const { settings, problems } = parseSettings(raw);
    for (const id of Object.keys(settings.rules)) {
      if (!this.options.knownRuleIds.has(id)) {
        problems.push(`Unknown rule id "${id}" in ${SETTINGS_SECTION}.rules; it is ignored. Check the spelling against the rule list in the MCP Hygiene docs.`);
      }
    }
    for (const problem of problems) this.report(problem);
    return this.options.untrustedWorkspace ? { ...settings, network: false } : settings;
  }

  private report(problem: string): void {
    if (this.reported.has(problem)) return;
    this.reported.add(problem);
    this.logger.warn(problem);
    // A notification (window/showMessage), not a request: nothing waits on the user.
    this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: problem }).catch(() => undefined);
  }
}
