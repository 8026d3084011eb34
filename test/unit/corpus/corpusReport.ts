import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze } from '../../../server/src/engine/lint';

/**
 * Lints every file of the shared real-world corpus at the path it had in its repository
 * (MANIFEST.tsv) and compares the detected dialect with the client its folder names.
 * Used by detection.test.ts and scripts/corpus-report.mjs (the table in closing notes).
 */

/** Corpus folder -> dialect id. */
export const FOLDER_DIALECT: Readonly<Record<string, string>> = {
  amazonq: 'amazon-q',
  'antigravity-or-windsurf': 'windsurf',
  'claude-code': 'claude-code',
  'claude-desktop': 'claude-desktop',
  cline: 'cline',
  codex: 'codex',
  continue: 'continue',
  copilot: 'github-copilot-coding-agent',
  'copilot-cli': 'github-copilot-cli',
  cursor: 'cursor',
  devcontainer: 'devcontainer',
  gemini: 'gemini-cli',
  generic: 'generic',
  kiro: 'kiro',
  opencode: 'opencode',
  roo: 'roo-code',
  vscode: 'vscode',
  'vscode-settings': 'vscode-settings',
  windsurf: 'windsurf',
  zed: 'zed',
};

/**
 * Files whose original path does not name their client, with what they are detected as
 * instead (undefined = not an MCP config) and why that is right.
 */
export const EXCEPTIONS: Readonly<Record<string, { detected: string | undefined; reason: string }>> = {
  'amazonq/awslabs__mcp__src__amazon-mq-mcp-server__example__sample_mcp_q_cli.json': {
    detected: 'generic',
    reason: 'an example file with a repository-specific name (sample_mcp_q_cli.json); recognised by content',
  },
  'copilot-cli/wegmans-erik-harris__dev-container-test__.devcontainer__mcp.json': {
    detected: 'generic',
    reason: '.devcontainer/mcp.json is a project-specific copy (Copilot CLI reads ~/.copilot/mcp-config.json); recognised by content',
  },
  'devcontainer/DeanLuus22021994__react-scuba__.devcontainer__mcp-servers.json': {
    detected: 'generic',
    reason: 'a project-specific mcp-servers.json next to devcontainer.json, not read by VS Code; recognised by content',
  },
  'generic/awslabs__mcp__src__healthlake-mcp-server__examples__mcp_config.json': {
    detected: 'windsurf',
    reason: 'mcp_config.json is the Windsurf/Antigravity file name, so any mcp_config.json is linted as that format',
  },
  'kiro/awslabs__mcp__src__aurora-dsql-mcp-server__kiro_power__mcp.json': {
    detected: 'generic',
    reason: "a Kiro power's mcp.json sits in a folder of any name; recognised by content",
  },
  'zed/CaduVarela__zed-config__config__mcp__mcp-server-playwright.json': {
    detected: undefined,
    reason: 'a fragment: the settings of one context server without the context_servers map; no client reads it as a config',
  },
};

export interface CorpusRow {
  file: string;
  folder: string;
  path: string;
  expected: string | undefined;
  detected: string | undefined;
  /** The parser reported problems (broken files are kept in the corpus on purpose). */
  unparsed: boolean;
  servers: number;
  findings: number;
  exception?: string;
  error?: string;
}

export interface CorpusTableRow {
  folder: string;
  dialect: string;
  files: number;
  detected: number;
  misdetected: number;
  exceptions: number;
  unparsed: number;
}

/** The shared corpus folder (../shared/corpus/real next to the repository), or an explanation. */
export function corpusDir(repoRoot: string): string {
  const dir = resolve(repoRoot, '..', 'shared', 'corpus', 'real');
  if (!existsSync(join(dir, 'MANIFEST.tsv'))) {
    throw new Error(`The shared corpus is missing: expected ${join(dir, 'MANIFEST.tsv')} (the shared folder must sit next to the repository, at ../shared).`);
  }
  return dir;
}

export function runCorpus(repoRoot: string): CorpusRow[] {
  const dir = corpusDir(repoRoot);
  const lines = readFileSync(join(dir, 'MANIFEST.tsv'), 'utf8').split(/\r?\n/).slice(1).filter(Boolean);
  const rows: CorpusRow[] = [];
  for (const line of lines) {
    const [file, repo, path] = line.split('\t');
    const folder = file.split('/')[0];
    const exception = EXCEPTIONS[file];
    const row: CorpusRow = {
      file,
      folder,
      path,
      expected: exception ? exception.detected : FOLDER_DIALECT[folder],
      detected: undefined,
      unparsed: false,
      servers: 0,
      findings: 0,
    };
    if (exception) row.exception = exception.reason;
    try {
      const text = readFileSync(join(dir, file), 'utf8');
      // Lint it where it lived: /<owner>/<repo>/<original path>.
      const analysis = analyze(text, `/${repo}/${path}`);
      row.detected = analysis?.dialect.id;
      row.unparsed = analysis ? analysis.doc.problems.length > 0 || analysis.doc.root === undefined : false;
      row.servers = analysis?.config.servers.length ?? 0;
      row.findings = analysis?.findings.length ?? 0;
    } catch (error) {
      row.error = String((error as Error)?.stack ?? error);
    }
    rows.push(row);
  }
  return rows;
}

export function corpusTable(rows: readonly CorpusRow[]): CorpusTableRow[] {
  const byFolder = new Map<string, CorpusTableRow>();
  for (const row of rows) {
    const entry = byFolder.get(row.folder) ?? {
      folder: row.folder,
      dialect: FOLDER_DIALECT[row.folder] ?? '?',
      files: 0,
      detected: 0,
      misdetected: 0,
      exceptions: 0,
      unparsed: 0,
    };
    entry.files++;
    if (row.exception) entry.exceptions++;
    if (row.detected === row.expected && !row.error) {
      if (!row.exception) entry.detected++;
    } else entry.misdetected++;
    if (row.unparsed) entry.unparsed++;
    byFolder.set(row.folder, entry);
  }
  return [...byFolder.values()].sort((a, b) => a.folder.localeCompare(b.folder));
}

export function formatCorpusTable(table: readonly CorpusTableRow[]): string {
  const header = ['folder', 'dialect', 'files', 'detected', 'exceptions', 'misdetected', 'unparsed'];
  const body = table.map((r) => [r.folder, r.dialect, r.files, r.detected, r.exceptions, r.misdetected, r.unparsed].map(String));
  const total = [
    'TOTAL',
    '',
    ...(['files', 'detected', 'exceptions', 'misdetected', 'unparsed'] as const).map((k) => String(table.reduce((n, r) => n + r[k], 0))),
  ];
  const all = [header, ...body, total];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const render = (r: string[]) => '| ' + r.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  return [render(header), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...body.map(render), render(total)].join('\n');
}
