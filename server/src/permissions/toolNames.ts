/**
 * A heuristic for tool names that change things (write, delete, run, send...) as opposed to
 * tools that only read. Auto-approving a reading tool costs little; auto-approving a
 * changing one removes the human from a decision that can destroy data, run code or leak it.
 *
 * Names are split into words on `_`, `-`, `.`, `:`, `/`, spaces and camelCase (`runSQLQuery` is
 * run/sql/query), so `write_file`, `createIssue`, `github.push_files` and `execute-sql` all match
 * on one word. Two tiers:
 * - high: runs code, deletes, publishes, or acts towards other people/systems;
 * - moderate: creates or changes data (usually recoverable, often the point of the server).
 *
 * Many of the words are verbs and nouns at once (`commit`, `update`, `run`, `post`, `release`),
 * and a tool name is a tiny phrase, so a word only counts when it is used as the action:
 * - after a reading or presenting verb it is what is read: `get_commit`, `get_workflow_run`,
 *   `dismiss-update` (hides an update notice), `check_for_updates`, `generate_commit_message`;
 * - before a reading word it names what is read: `profiler-commit-query`, `workflow_run_logs`,
 *   `shell_history` (but `update_status`, verb first, still updates a status);
 * - `execute`/`run`/`sql` whose object is a read-only query language or a declared read-only
 *   query (`execute_sparql`, `run_select_query`, `execute_readonly_sql`, `execute_graphql_query`)
 *   run no code and change nothing; `execute_sql`, `execute_query`, `execute_graphql` and
 *   `run_cypher` can run any statement, including writes, so they stay high;
 * - `comment` acts towards other people only next to a shared object (`create_issue_comment`,
 *   `add_pr_comment`) or on a collaboration service (see {@link toolRisk}'s `server`);
 *   elsewhere (`set_comment` in a disassembler) it is a local annotation: moderate;
 * - `and`/`or`/`then` start a new phrase: `get_and_delete_file` deletes.
 */
import { splitWords } from '../core/words';

type Pos = 'verb' | 'both' | 'noun';
interface Entry {
  level: 'high' | 'moderate';
  what: string;
  /** `verb`: only ever the action; `both`: an action or an object; `noun`: a dangerous object (`shell`, `sql`). */
  pos: Pos;
}

/** A Map, not an object: tool names are the workspace's, and `constructor` is no word of ours. */
const WORDS = new Map<string, Entry>();

function add(level: Entry['level'], what: string, pos: Pos, words: string): void {
  for (const word of words.split(/\s+/).filter(Boolean)) WORDS.set(word, { level, what, pos });
}
const EXEC = 'executes code or commands';
const DELETE = 'deletes data';
const REPO = 'changes a repository or a deployment';
const PEOPLE = 'acts for you towards other people or systems';
const CHANGE = 'creates or changes data';
add('high', EXEC, 'verb', 'exec execute eval evaluate invoke spawn kill terminate uninstall');
add('high', EXEC, 'both', 'run install');
add('high', EXEC, 'noun', 'shell command cmd terminal bash sh powershell script sql');
add('high', DELETE, 'verb', 'delete del remove rm rmdir destroy purge wipe erase truncate');
add('high', DELETE, 'both', 'drop');
add('high', REPO, 'verb', 'publish revert');
add('high', REPO, 'both', 'push merge commit deploy reset');
add('high', PEOPLE, 'verb', 'send approve grant revoke');
add('high', PEOPLE, 'both', 'email mail post reply tweet message share invite transfer pay charge refund');
add('moderate', CHANGE, 'verb', 'write overwrite rename insert upsert modify mkdir chmod chown create fork restore apply restart mutate');
add('moderate', CHANGE, 'both', 'comment edit move mv upload update patch put replace set save release mutation');

/**
 * Verbs that read, inspect or present: a word after them is their object, not an action
 * (`get_commit`, `dismiss-update`). Deliberately not `query` (`query_sql` runs SQL) nor `select`.
 */
const READING_VERBS = new Set(
  'get list read search find fetch retrieve lookup browse describe show view display inspect count explain preview dismiss hide check watch monitor poll wait summarize summarise analyze analyse validate lint parse generate suggest diff compare download cancel is has can'.split(
    ' ',
  ),
);
/** A verb-or-noun word followed by one of these, after a namespace word, names what is read (`profiler-commit-query`). */
const READ_AFTER_NAMESPACE = new Set(
  'query queries list search find get info status history log logs details detail stats statistics summary view diff preview lookup count id ids sha hash url urls link'.split(
    ' ',
  ),
);
/** ... and as the first word, only with these (`commit_history`, but `update_status` updates). */
const READ_AFTER_FIRST = new Set('history log logs search stats statistics count lookup diff sha hash id ids'.split(' '));
/** A dangerous object followed by one of these is only read (`command_history`, `terminal_output`); not `query` (`sql_query` runs SQL). */
const READ_AFTER_NOUN = new Set('history log logs status output info details list stats id ids'.split(' '));

/** Query languages and qualifiers that make running a query read-only. */
const READ_ONLY_QUERY = new Set('sparql select readonly read explain search lookup'.split(' '));
/** Words that run a query (skipped when the query is read-only). */
const QUERY_RUNNERS = new Set('exec execute run invoke sql'.split(' '));
/** Objects that make a runner run code whatever else the name says. */
const CODE_OBJECTS = new Set(
  'command commands cmd shell terminal bash sh powershell script scripts code python py javascript js node ruby perl php eval program process binary'.split(
    ' ',
  ),
);
/** Words that make a query a write. */
const WRITE_QUERY = new Set('write writes mutation mutations mutate update insert upsert delete drop modify alter create ddl dml'.split(' '));

/** Objects that other people see: a comment on them is posted to them. */
const SHARED_OBJECTS = new Set(
  'issue issues pr prs pull mr ticket tickets discussion discussions thread threads review reviews post posts page pages task tasks card cards story stories gist channel wiki'.split(
    ' ',
  ),
);
/** Collaboration services (in a server's name, package or host): their comments reach other people. */
const COLLABORATION = new Set(
  'github gitlab bitbucket gitea forgejo jira atlassian confluence linear slack discord teams notion asana trello clickup monday youtube reddit twitter mastodon bluesky zendesk intercom figma gdocs sharepoint devops shortcut basecamp wrike hubspot'.split(
    ' ',
  ),
);

export interface ToolRisk {
  /** The word that matched, e.g. `execute`. */
  word: string;
  level: 'high' | 'moderate';
  /** What a tool with that word does, for messages: "executes code or commands". */
  what: string;
}

/**
 * Whether a server is a collaboration service, from its name, package and host (`github`,
 * `@atlassian/jira-mcp`): there a comment reaches other people. Asked once per server, not
 * once per tool of its list.
 */
export function isCollaborationService(server: string): boolean {
  return splitWords(server).some((w) => COLLABORATION.has(w));
}

/** How risky a tool name looks (the highest tier any of its actions reaches), or undefined. */
export function toolRisk(name: string, collaboration = false): ToolRisk | undefined {
  let best: ToolRisk | undefined;
  for (const clause of clauses(splitWords(name))) {
    const risk = clauseRisk(clause, collaboration);
    if (risk && (!best || (best.level === 'moderate' && risk.level === 'high'))) best = risk;
  }
  return best;
}

function clauses(words: string[]): string[][] {
  const out: string[][] = [[]];
  for (const word of words) {
    if (word === 'and' || word === 'or' || word === 'then') out.push([]);
    else out[out.length - 1].push(word);
  }
  return out.filter((c) => c.length > 0);
}

function clauseRisk(words: string[], collaboration: boolean): ToolRisk | undefined {
  const has = (set: Set<string>) => words.some((w) => set.has(w));
  const graphqlQuery = words.includes('graphql') && words.includes('query');
  const readOnlyQuery = (has(READ_ONLY_QUERY) || graphqlQuery) && !has(CODE_OBJECTS) && !has(WRITE_QUERY);
  let best: ToolRisk | undefined;
  // Whether a reading verb came before the current word: kept as the loop goes, since
  // asking the words before each one again is quadratic in a name of many words.
  let readingVerbBefore = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const afterReadingVerb = readingVerbBefore;
    if (READING_VERBS.has(word)) readingVerbBefore = true;
    const entry = WORDS.get(word);
    if (!entry) continue;
    const next = words[i + 1];
    if (entry.pos !== 'verb' && afterReadingVerb) continue;
    if (entry.pos === 'both' && next !== undefined && (i > 0 ? READ_AFTER_NAMESPACE : READ_AFTER_FIRST).has(next)) continue;
    if (entry.pos === 'noun' && next !== undefined && READ_AFTER_NOUN.has(next)) continue;
    if (readOnlyQuery && QUERY_RUNNERS.has(word)) continue;
    let { level, what } = entry;
    if (word === 'comment' && (collaboration || has(SHARED_OBJECTS))) {
      level = 'high';
      what = PEOPLE;
    }
    if (!best || (best.level === 'moderate' && level === 'high')) best = { word, level, what };
  }
  return best;
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
