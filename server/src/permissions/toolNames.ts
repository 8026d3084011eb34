/**
 * A heuristic for tool names that change things (write, delete, run, send...) as opposed to
 * tools that only read. Auto-approving a reading tool costs little; auto-approving a
 * changing one removes the human from a decision that can destroy data, run code or leak it.
 *
 * Names are split on `_`, `-`, `.`, `:`, `/` and camelCase, so `write_file`, `createIssue`,
 * `github.push_files` and `execute-sql` all match on one word. Two tiers:
 * - high: runs code, deletes, publishes, or acts towards other people/systems;
 * - moderate: creates or changes data (usually recoverable, often the point of the server).
 */
const HIGH: Readonly<Record<string, string>> = {};
const MODERATE: Readonly<Record<string, string>> = {};

function add(table: Record<string, string>, what: string, words: string): void {
  for (const word of words.split(/\s+/).filter(Boolean)) table[word] = what;
}
add(HIGH as Record<string, string>, 'executes code or commands', 'exec execute run shell command cmd terminal bash sh powershell eval evaluate script invoke spawn install uninstall kill terminate sql');
add(HIGH as Record<string, string>, 'deletes data', 'delete del remove rm rmdir drop truncate destroy purge wipe erase');
add(HIGH as Record<string, string>, 'changes a repository or a deployment', 'push merge commit deploy publish revert reset');
add(HIGH as Record<string, string>, 'acts for you towards other people or systems', 'send email mail post reply comment tweet message share invite transfer pay charge refund approve grant revoke');
add(MODERATE as Record<string, string>, 'creates or changes data', 'comment write edit overwrite move mv rename upload insert upsert update patch put modify replace set save mkdir chmod chown create fork restore apply restart release');

export interface ToolRisk {
  /** The word that matched, e.g. `execute`. */
  word: string;
  level: 'high' | 'moderate';
  /** What a tool with that word does, for messages: "executes code or commands". */
  what: string;
}

/** Splits a tool name into lower-case words. */
export function toolNameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** How risky a tool name looks (the highest tier any of its words reaches), or undefined. */
export function toolRisk(name: string): ToolRisk | undefined {
  const words = toolNameWords(name);
  const high = words.find((w) => w in HIGH);
  if (high) return { word: high, level: 'high', what: HIGH[high] };
  const moderate = words.find((w) => w in MODERATE);
  if (moderate) return { word: moderate, level: 'moderate', what: MODERATE[moderate] };
  return undefined;
}

/** The word that makes a tool name look write/exec-capable, or undefined. */
export function riskyToolWord(name: string): string | undefined {
  return toolRisk(name)?.word;
}

/** `*`, `all`, or a match-everything pattern. */
export function isWildcardToolName(name: string): boolean {
  const text = name.trim();
  return text === '*' || text === '.*' || text === '**' || text.toLowerCase() === 'all';
}
