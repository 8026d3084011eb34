/**
 * `npm run bench`: the performance numbers behind the targets in docs/performance.md.
 * Prints a markdown table and writes bench/results.json (and, with --write-results,
 * bench/RESULTS.md). Timings are medians of several runs after warm-up; CPU time
 * (process.cpuUsage / child rusage) is reported next to wall time because the machine
 * may be shared. Never a unit test.
 *
 * bench/bench.mjs bundles this file with esbuild (minified, as the shipped bundles are)
 * and runs it, so the engine is measured as it ships, not through tsx.
 *
 *   npm run bench                       engine, LSP, start-up, CLI, memory, VSIX
 *   npm run bench -- --peers            also runs mcp-scan and AgentShield over the corpus
 *   npm run bench -- --package          rebuild the VSIX (npm run package) before sizing it
 *   npm run bench -- --only engine,cli  a subset (engine, lsp, start, cli, rss, vsix)
 */
import { parseTree } from 'jsonc-parser';
import { cpus, loadavg, totalmem, platform, release, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { resolve, join, dirname } from 'node:path';
import { analyze, lint } from '../server/src/engine';
import { RULES } from '../server/src/rules';
import { TestClient } from '../test/lsp/harness';
import { generateConfig } from './generate';
import { SERVER_NODE_FLAGS, serverEnvironmentOverrides } from '../server/src/common/protocol';
import { loadCorpus } from './corpus';

const repoRoot = process.env.MCP_HYGIENE_ROOT ?? resolve(__dirname, '..');
const args = process.argv.slice(2);
const flags = new Set(args);
const only = args.includes('--only') ? new Set(args[args.indexOf('--only') + 1].split(',')) : undefined;
const wants = (section: string) => !only || only.has(section);

export interface Row {
  metric: string;
  value: string;
  target?: string;
  ok?: boolean;
}
const rows: Row[] = [];
const results: Record<string, unknown> = {};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

interface Timing {
  /** Median wall milliseconds per call. */
  wall: number;
  /** Median CPU (user + system) milliseconds per call: what the code costs when the machine is shared. */
  cpu: number;
}

/** Medians over `runs` runs of `iterations` calls each, after a warm-up. */
function time(fn: () => void, runs = 7, iterations = 1): Timing {
  for (let i = 0; i < Math.max(2, iterations); i++) fn();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < runs; r++) {
    const cpu0 = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) fn();
    walls.push(Number(process.hrtime.bigint() - start) / 1e6 / iterations);
    const cpu = process.cpuUsage(cpu0);
    cpus.push((cpu.user + cpu.system) / 1000 / iterations);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

function bareParse(text: string): void {
  parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
}

// ---------------------------------------------------------------------------------------
// Engine vs the parse floor

function engineVsParse(): void {
  const corpus = loadCorpus(repoRoot);
  const bytes = corpus.reduce((n, f) => n + f.text.length, 0);
  const parse = time(() => corpus.forEach((f) => bareParse(f.text)), 15, 10);
  const engine = time(() => corpus.forEach((f) => lint(f.text, f.path)), 15, 3);
  const ratio = engine.cpu / parse.cpu;
  results.corpus = { files: corpus.length, bytes, parse, engine, ratio };
  rows.push({
    metric: `engine vs bare jsonc parseTree, corpus (${corpus.length} files, ${(bytes / 1024).toFixed(0)} KB)`,
    value: `${ms(engine.cpu)} ms vs ${ms(parse.cpu)} ms CPU = **${ratio.toFixed(1)}×** (wall ${ms(engine.wall)} vs ${ms(parse.wall)})`,
    target: '≤ 10×',
    ok: ratio <= 10,
  });

  const perServer: number[] = [];
  for (const servers of [10, 100, 1000, 10000]) {
    const text = generateConfig(servers);
    const path = '/bench/.vscode/mcp.json';
    const iterations = servers <= 10 ? 100 : servers <= 100 ? 20 : servers <= 1000 ? 2 : 1;
    const runs = servers >= 10000 ? 5 : 9;
    const p = time(() => bareParse(text), runs, Math.max(iterations, servers <= 1000 ? 10 : 3));
    const l = time(() => lint(text, path), runs, iterations);
    const usPerServer = (l.cpu * 1000) / servers;
    perServer.push(usPerServer);
    results[`generated-${servers}`] = { servers, bytes: text.length, parse: p, engine: l, ratio: l.cpu / p.cpu, usPerServer };
    const target = servers === 10000 ? '≤ 3×' : undefined;
    rows.push({
      metric: `engine vs bare parse, ${servers.toLocaleString('en')} servers (${(text.length / 1024).toFixed(0)} KB)`,
      value: `${ms(l.cpu)} ms vs ${ms(p.cpu)} ms CPU = **${(l.cpu / p.cpu).toFixed(1)}×**, ${usPerServer.toFixed(1)} µs/server`,
      target,
      ok: target ? l.cpu / p.cpu <= 3 : undefined,
    });
  }
  // What the language server does on a keystroke: re-lint after an edit inside one server
  // entry, from the previous version's analysis (engine/incremental.ts). Informational: the
  // target above is about linting a file from scratch.
  for (const servers of [100, 10000]) {
    const text = generateConfig(servers);
    const path = '/bench/.vscode/mcp.json';
    const previous = analyze(text, path)!;
    const edited = editedConfig(text, 1);
    const runs = servers >= 10000 ? 5 : 9;
    const iterations = servers >= 10000 ? 1 : 20;
    const p = time(() => bareParse(edited), runs, iterations);
    const l = time(() => analyze(edited, path, undefined, { previous }), runs, iterations);
    results[`incremental-${servers}`] = { servers, parse: p, engine: l, ratio: l.cpu / p.cpu };
    rows.push({
      metric: `re-lint after an edit inside one server (incremental, as the language server does), ${servers.toLocaleString('en')} servers`,
      value: `${ms(l.cpu)} ms vs ${ms(p.cpu)} ms CPU bare parse = **${(l.cpu / p.cpu).toFixed(1)}×**`,
    });
  }

  const growth = perServer[3] / perServer[0];
  results.growth = { perServer, growth };
  rows.push({
    metric: 'engine time per server, 10 000 vs 10 servers',
    value: `${growth.toFixed(2)}× (${perServer.map((v) => v.toFixed(0)).join(' → ')} µs)`,
    target: 'flat (≤ 1.5×)',
    ok: growth <= 1.5,
  });
}

// ---------------------------------------------------------------------------------------
// LSP latency over in-memory streams (test/lsp/harness.ts: push diagnostics, debounce 0)

/** Text of `servers` servers whose first server's version is `n`: every edit changes a value. */
function editedConfig(base: string, n: number): string {
  return base.replace('"@modelcontextprotocol/server-memory"', `"@modelcontextprotocol/server-memory@1.0.${n}"`);
}

/** didChange → publishDiagnostics for `count` edits after 20 unmeasured ones, in ms. */
async function pushLatencies(client: TestClient, uri: string, base: string, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count + 20; i++) {
    const text = editedConfig(base, i);
    const start = process.hrtime.bigint();
    const version = await client.change(uri, text);
    await client.pushed(uri, version);
    if (i >= 20) samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    // Like an editor, keep only the latest diagnostics: the harness otherwise keeps every
    // publication, and its growing heap would be timed as the server's garbage collection.
    client.published.clear();
  }
  return samples;
}

async function lspLatency(): Promise<void> {
  // Push diagnostics with validationDelayMs 0 (the harness's runtime option): the server
  // validates on setImmediate after each didChange instead of its edit debounce.
  const client = await TestClient.start({ pull: false, rules: RULES, settings: {} });
  try {
    for (const servers of [10, 100]) {
      const uri = `file:///p/s${servers}/.vscode/mcp.json`;
      const base = generateConfig(servers);
      await client.open(uri, base);
      await client.pushed(uri, 1);
      const samples = await pushLatencies(client, uri, base, servers === 10 ? 400 : 200);
      const p50 = percentile(samples, 50);
      const p99 = percentile(samples, 99);
      results[`lsp-${servers}`] = { servers, samples: samples.length, p50, p99 };
      rows.push({
        metric: `LSP didChange → publishDiagnostics, ${servers} servers (p50 / p99; client and server in one process, node ${SERVER_NODE_FLAGS.join(' ')})`,
        value: `${ms(p50)} / ${ms(p99)} ms`,
        target: servers === 100 ? 'p99 < 5 ms' : undefined,
        ok: servers === 100 ? p99 < 5 : undefined,
      });

      // Typing: a burst of 10 changes sent back to back (one character each), then the time
      // from the last one to the diagnostics of its version.
      const bursts: number[] = [];
      for (let b = 0; b < 40; b++) {
        let start = 0n;
        let version = 0;
        for (let k = 0; k < 10; k++) {
          start = process.hrtime.bigint();
          version = await client.change(uri, editedConfig(base, 10000 + b * 10 + k));
        }
        await client.pushed(uri, version);
        bursts.push(Number(process.hrtime.bigint() - start) / 1e6);
        client.published.clear();
      }
      results[`lsp-typing-${servers}`] = { servers, bursts: bursts.length, p50: percentile(bursts, 50), p99: percentile(bursts, 99) };
      const burstP99 = percentile(bursts, 99);
      rows.push({
        metric: `LSP while typing (burst of 10 changes, last change → its diagnostics), ${servers} servers (p50 / p99)`,
        value: `${ms(percentile(bursts, 50))} / ${ms(burstP99)} ms`,
        target: servers === 100 ? 'p99 < 15 ms' : undefined,
        ok: servers === 100 ? burstP99 < 15 : undefined,
      });
    }
    // The floor under the 100-server line: the same harness and edits with linting turned off
    // (the server still parses each version, reads its servers and publishes, now nothing).
    await client.changeSettings({ enable: false });
    const uri = 'file:///p/floor/.vscode/mcp.json';
    const base = generateConfig(100);
    await client.open(uri, base);
    await client.pushed(uri, 1);
    const floor = await pushLatencies(client, uri, base, 200);
    results['lsp-100-linting-off'] = { servers: 100, samples: floor.length, p50: percentile(floor, 50), p99: percentile(floor, 99) };
    rows.push({
      metric: 'the same, 100 servers, with linting off (`"enable": false`: parse, model and an empty publication per edit)',
      value: `${ms(percentile(floor, 50))} / ${ms(percentile(floor, 99))} ms`,
    });
  } finally {
    await client.stop();
  }
}

// ---------------------------------------------------------------------------------------
// A spawned server over stdio (start-up latency, memory)

class StdioServer {
  readonly child: ChildProcess;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();
  onNotification: (method: string, params: any) => void = () => undefined;

  /** Started the way the VS Code client starts it (client/src/client.ts): same node flags and environment. */
  constructor(codeCacheDir?: string) {
    const env = { ...process.env, ...serverEnvironmentOverrides(process.env, codeCacheDir) };
    this.child = spawn(process.execPath, [...SERVER_NODE_FLAGS, join(repoRoot, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'], env });
    this.child.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      if (message.method && message.id !== undefined) {
        // Server → client requests (registration, configuration, refresh): answer plainly.
        const result = message.method === 'workspace/configuration' ? message.params.items.map(() => ({})) : null;
        this.send({ jsonrpc: '2.0', id: message.id, result });
      } else if (message.method) {
        this.onNotification(message.method, message.params);
      } else {
        this.pending.get(message.id)?.(message.result);
        this.pending.delete(message.id);
      }
    }
  }

  send(message: unknown): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin!.write(body);
  }

  request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** `textDocument` adds client capabilities (e.g. `diagnostic` for the pull model). */
  async initialize(textDocument: Record<string, unknown> = {}): Promise<void> {
    await this.request('initialize', {
      processId: null,
      rootUri: null,
      workspaceFolders: null,
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true }, ...textDocument } },
    });
    this.notify('initialized', {});
  }

  open(uri: string, text: string): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'jsonc', version: 1, text } });
  }

  status(): { rss: number; hwm: number } {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.request('shutdown', null);
    this.notify('exit', null);
    await exited;
  }
}

/**
 * didChange → diagnostics the way VS Code gets them from this server: the server in its own
 * process over stdio (spawned as the client spawns it), and vscode-languageclient's pull
 * model (`diagnosticPullOptions.onChange`, its default: a `textDocument/diagnostic` request
 * right after each didChange, with the previous result id; one request in flight per
 * document, an earlier one cancelled and re-sent when it returns — lib/common/diagnostic.js,
 * DiagnosticRequestor.pullAsync). The in-process push harness above times the push path.
 */
async function lspPullLatency(): Promise<void> {
  const server = new StdioServer();
  try {
    await server.initialize({ diagnostic: { dynamicRegistration: false } });
    for (const servers of [10, 100]) {
      const uri = `file:///p/pull${servers}/.vscode/mcp.json`;
      const base = generateConfig(servers);
      let version = 1;
      server.open(uri, base);
      let resultId = ((await server.request('textDocument/diagnostic', { textDocument: { uri } })) as { resultId?: string }).resultId;
      const change = (text: string) => server.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
      const pull = async () => {
        const report = (await server.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId: resultId })) as {
          kind: string;
          resultId?: string;
        };
        if (report.kind !== 'full') throw new Error(`expected a full report after an edit, got ${JSON.stringify(report).slice(0, 200)}`);
        resultId = report.resultId;
      };
      const samples: number[] = [];
      const count = servers === 10 ? 400 : 200;
      for (let i = 0; i < count + 20; i++) {
        const text = editedConfig(base, i);
        const start = process.hrtime.bigint();
        change(text);
        await pull();
        if (i >= 20) samples.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      const p50 = percentile(samples, 50);
      const p99 = percentile(samples, 99);
      results[`lsp-pull-${servers}`] = { servers, samples: samples.length, p50, p99 };
      rows.push({
        metric: `LSP didChange → diagnostics as VS Code gets them (server spawned like the client does, stdio, pull), ${servers} servers (p50 / p99)`,
        value: `${ms(p50)} / ${ms(p99)} ms`,
      });
    }
  } finally {
    await server.stop();
  }
}

async function serverStart(): Promise<void> {
  const text = generateConfig(10);
  const uri = 'file:///p/.vscode/mcp.json';
  const once = async (codeCacheDir: string): Promise<number> => {
    const start = process.hrtime.bigint();
    const server = new StdioServer(codeCacheDir);
    const first = new Promise<void>((resolve) => {
      server.onNotification = (method, params) => {
        if (method === 'textDocument/publishDiagnostics' && params.uri === uri) resolve();
      };
    });
    await server.initialize();
    server.open(uri, text);
    await first;
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    await server.stop();
    return elapsed;
  };
  const cacheRoot = mkdtempSync(join(tmpdir(), 'mcp-hygiene-bench-cache-'));
  try {
    // The first start after an install or update: no code cache yet (it is written on exit).
    const cold: number[] = [];
    for (let run = 0; run < 5; run++) cold.push(await once(join(cacheRoot, `cold-${run}`)));
    // Every later start: the cache the first one wrote.
    const warmDir = join(cacheRoot, 'warm');
    await once(warmDir);
    const samples: number[] = [];
    for (let run = 0; run < 10; run++) samples.push(await once(warmDir));
    const value = median(samples);
    results.start = { runs: samples.length, medianMs: value, samples, firstStartMedianMs: median(cold), firstStartSamples: cold };
    const how = `spawn node ${SERVER_NODE_FLAGS.join(' ')} dist/server.js --stdio with the client's environment overrides, initialize, didOpen of a 10-server file`;
    rows.push({
      metric: `server start → first diagnostics (${how}; V8 code cache written by an earlier start)`,
      value: `${ms(value)} ms (min ${ms(Math.min(...samples))})`,
      target: '< 300 ms',
      ok: value < 300,
    });
    rows.push({
      metric: 'server start → first diagnostics, first start after install (no code cache yet)',
      value: `${ms(median(cold))} ms (min ${ms(Math.min(...cold))})`,
    });
  } finally {
    rmSync(cacheRoot, { recursive: true, force: true });
  }
}

async function serverMemory(): Promise<void> {
  const corpus = loadCorpus(repoRoot).filter((f) => /\.jsonc?$/.test(f.path));
  const server = new StdioServer();
  const count = 1000;
  const uris = new Set<string>();
  const done = new Promise<void>((resolve) => {
    server.onNotification = (method, params) => {
      if (method === 'textDocument/publishDiagnostics' && uris.delete(params.uri) && uris.size === 0) resolve();
    };
  });
  await server.initialize();
  const before = server.status();
  for (let i = 0; i < count; i++) {
    // Half corpus files (at their own names), half generated 10-server configs.
    const file = corpus[i % corpus.length];
    const uri = i % 2 ? `file:///w/d${i}${file.path}` : `file:///w/d${i}/.vscode/mcp.json`;
    uris.add(uri);
    server.open(uri, i % 2 ? file.text : generateConfig(10, i));
  }
  await done;
  const after = server.status();
  // Then the editor sits with the documents open: V8 returns the heap it no longer needs
  // (its memory reducer runs some seconds after the last burst of work). Sampled each
  // second for 30 s; "at rest" is the lowest value, with when it was reached.
  let rest = after.rss;
  let restAfterS = 0;
  for (let second = 1; second <= 30; second++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = server.status().rss;
    if (now < rest - 0.5) {
      rest = now;
      restAfterS = second;
    }
  }
  const peak = server.status().hwm;
  await server.stop();
  results.rss = { documents: count, idleRssMb: before.rss, rssMb: after.rss, restRssMb: rest, restAfterS, hwmMb: peak };
  rows.push({
    metric: `server RSS with ${count.toLocaleString('en')} open documents, at rest (VmRSS ${restAfterS} s after the last diagnostics; before opening them: ${before.rss.toFixed(0)} MB)`,
    value: `${rest.toFixed(1)} MB`,
    target: '< 80 MB',
    ok: rest < 80,
  });
  rows.push({
    metric: `server RSS right after the ${count.toLocaleString('en')} documents' diagnostics (VmRSS / peak VmHWM)`,
    value: `${after.rss.toFixed(1)} / ${peak.toFixed(1)} MB`,
  });
}

// ---------------------------------------------------------------------------------------
// CLI over the corpus laid out at its MANIFEST paths

function layOutCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-hygiene-bench-'));
  for (const file of loadCorpus(repoRoot)) {
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
  return dir;
}

interface ChildRun {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  status: number | null;
  stdout: string;
}

/** One child run under /usr/bin/time (CPU and peak RSS of the child itself). */
function runChild(command: string[], env: NodeJS.ProcessEnv = process.env, cwd = repoRoot): ChildRun {
  const timeFile = join(tmpdir(), `mcp-hygiene-bench-time-${process.pid}`);
  const useTime = existsSync('/usr/bin/time');
  const argv = useTime ? ['/usr/bin/time', '-o', timeFile, '-f', '%U %S %M', ...command] : command;
  const start = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), { env, cwd, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  let cpuMs = NaN;
  let maxRssMb = NaN;
  if (useTime) {
    const [user, system, rssKb] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    cpuMs = (user + system) * 1000;
    maxRssMb = rssKb / 1024;
    rmSync(timeFile, { force: true });
  }
  return { wallMs, cpuMs, maxRssMb, status: result.status, stdout: result.stdout };
}

function summarise(runs: ChildRun[]): { wallMs: number; cpuMs: number; maxRssMb: number } {
  return { wallMs: median(runs.map((r) => r.wallMs)), cpuMs: median(runs.map((r) => r.cpuMs)), maxRssMb: median(runs.map((r) => r.maxRssMb)) };
}

function cliAndPeers(dir: string): void {
  const files = loadCorpus(repoRoot).length;
  const command = [process.execPath, join(repoRoot, 'dist', 'cli.js'), 'scan', dir, '--format', 'json', '--no-gitignore', '--fail-on', 'none'];
  // One small file, as a pre-commit hook or an editor task runs it.
  const small = [process.execPath, join(repoRoot, 'dist', 'cli.js'), 'scan', join(repoRoot, 'examples', 'vscode', '.vscode', 'mcp.json'), '--fail-on', 'none'];
  const bare = [process.execPath, '-e', '0'];
  // The floor under the corpus scan: the same run with linting turned off (discovery,
  // reading, parsing and the report, no rule), to read the ratio targets against.
  const offSettings = join(tmpdir(), `mcp-hygiene-bench-off-${process.pid}.json`);
  writeFileSync(offSettings, '{ "enable": false }\n');
  const rulesOff = [...command, '--config', offSettings];
  const first = runChild(command);
  runChild(small);
  runChild(rulesOff);
  const report = JSON.parse(first.stdout) as { findings: Array<{ file: string }>; skipped: unknown[] };
  // Side by side: each round runs bare node, the corpus scan and the small scan, so a change
  // of the machine's load moves all three.
  const runs: ChildRun[] = [];
  const smallRuns: ChildRun[] = [];
  const bareRuns: ChildRun[] = [];
  const offRuns: ChildRun[] = [];
  for (let round = 0; round < 11; round++) {
    bareRuns.push(runChild(bare));
    runs.push(runChild(command));
    smallRuns.push(runChild(small));
    offRuns.push(runChild(rulesOff));
  }
  rmSync(offSettings, { force: true });
  const cli = summarise(runs);
  const floor = summarise(offRuns);
  const nodeOnly = summarise(bareRuns);
  const smallScan = summarise(smallRuns);
  const withFindings = new Set(report.findings.map((f) => f.file)).size;
  const corpusRatio = cli.wallMs / nodeOnly.wallMs;
  const smallRatio = smallScan.wallMs / nodeOnly.wallMs;
  results.cli = {
    files,
    filesWithFindings: withFindings,
    findings: report.findings.length,
    skipped: report.skipped.length,
    ...cli,
    filesPerSecond: files / (cli.wallMs / 1000),
    bareNode: nodeOnly,
    ratio: corpusRatio,
    small: { ...smallScan, ratio: smallRatio },
    lintingOff: { ...floor, ratio: floor.wallMs / nodeOnly.wallMs },
  };
  rows.push({
    metric: `CLI \`scan <corpus> --format json\`, ${files} files, vs a bare \`node -e 0\` (${ms(nodeOnly.wallMs)} ms wall, ${ms(nodeOnly.cpuMs)} ms CPU), process start included`,
    value: `${ms(cli.wallMs)} ms wall = **${corpusRatio.toFixed(1)}×**, ${ms(cli.cpuMs)} ms CPU, ${(files / (cli.wallMs / 1000)).toFixed(0)} files/s, ${report.findings.length} findings`,
    target: '≤ 2.5×',
    ok: corpusRatio <= 2.5,
  });
  rows.push({
    metric: 'the same corpus scan with linting off (`--config` of `{ "enable": false }`: discovery, reading, parsing and the report, no rule)',
    value: `${ms(floor.wallMs)} ms wall = ${(floor.wallMs / nodeOnly.wallMs).toFixed(1)}× a bare node start, ${ms(floor.cpuMs)} ms CPU`,
  });
  rows.push({
    metric: 'CLI `scan` of one small file (examples/vscode/.vscode/mcp.json) vs a bare `node -e 0`',
    value: `${ms(smallScan.wallMs)} ms wall = **${smallRatio.toFixed(2)}×**, ${ms(smallScan.cpuMs)} ms CPU`,
    target: '≤ 1.3×',
    ok: smallRatio <= 1.3,
  });
  rows.push({ metric: 'CLI peak RSS over the corpus (maxRSS)', value: `${cli.maxRssMb.toFixed(1)} MB` });

  // The same scan with a warm --cache: one run fills the cache, then nothing changes.
  const cacheFile = join(tmpdir(), `mcp-hygiene-bench-cache-${process.pid}`);
  const cached = [...command, '--cache', '--cache-location', cacheFile];
  try {
    runChild(cached);
    const warmRuns = Array.from({ length: 11 }, () => runChild(cached));
    if (warmRuns.some((r) => r.stdout !== first.stdout)) throw new Error('the cached CLI report differs from the uncached one');
    const warm = summarise(warmRuns);
    results.cliWarmCache = warm;
    rows.push({
      metric: 'CLI with a warm `--cache` (files unchanged since the last run), same corpus',
      value: `${ms(warm.wallMs)} ms wall, ${ms(warm.cpuMs)} ms CPU, ${warm.maxRssMb.toFixed(1)} MB peak RSS`,
    });
  } finally {
    rmSync(cacheFile, { force: true });
  }

  if (!flags.has('--peers')) return;
  const prefix = join(tmpdir(), 'mcp-hygiene-bench-peers');
  const bin = (name: string) => join(prefix, 'node_modules', name, 'dist', 'index.js');
  if (!existsSync(bin('mcp-scan')) || !existsSync(bin('ecc-agentshield'))) {
    const install = spawnSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', 'mcp-scan@2.0.8', 'ecc-agentshield@1.6.0'], {
      stdio: 'inherit',
    });
    if (install.status !== 0) throw new Error('npm install of the peers failed');
  }
  // Peers keep history under $HOME: give them an empty one.
  const home = mkdtempSync(join(tmpdir(), 'mcp-hygiene-bench-home-'));
  const env = { ...process.env, HOME: home, NO_COLOR: '1', CI: '1' };
  const peers: Array<{ name: string; command: string[] }> = [
    { name: 'mcp-scan@2.0.8 `report --configs <dir> --json`', command: [process.execPath, bin('mcp-scan'), 'report', '--configs', dir, '--json'] },
    {
      name: 'ecc-agentshield@1.6.0 `scan --path <dir> --format json`',
      command: [process.execPath, bin('ecc-agentshield'), 'scan', '--path', dir, '--format', 'json'],
    },
  ];
  const peerResults: Record<string, unknown> = {};
  for (const peer of peers) {
    runChild(peer.command, env, home);
    const summary = summarise(Array.from({ length: 5 }, () => runChild(peer.command, env, home)));
    const wallRatio = summary.wallMs / cli.wallMs;
    peerResults[peer.name] = { ...summary, wallRatio, cpuRatio: summary.cpuMs / cli.cpuMs };
    const isAgentShield = peer.name.startsWith('ecc-agentshield');
    rows.push({
      metric: `peer: ${peer.name}, same corpus`,
      value: `${ms(summary.wallMs)} ms wall (ours is **${wallRatio.toFixed(1)}×** faster), ${ms(summary.cpuMs)} ms CPU (${(summary.cpuMs / cli.cpuMs).toFixed(1)}×), ${summary.maxRssMb.toFixed(0)} MB peak RSS`,
      target: isAgentShield ? 'ours ≥ 3× faster' : undefined,
      ok: isAgentShield ? wallRatio >= 3 : undefined,
    });
  }
  results.peers = peerResults;
  rmSync(home, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------
// VSIX

function vsixSize(): void {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  const path = join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
  if (flags.has('--package') || !existsSync(path)) {
    const result = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'vscode', 'package.mjs')], { cwd: repoRoot, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('npm run package failed');
  }
  const stat = statSync(path);
  results.vsix = { path, bytes: stat.size, built: stat.mtime.toISOString() };
  rows.push({
    metric: `VSIX size (${manifest.name}-${manifest.version}.vsix, built ${stat.mtime.toISOString().slice(0, 16)}Z)`,
    value: `${(stat.size / 1024).toFixed(0)} KB`,
    target: '< 500 KB',
    ok: stat.size < 500 * 1024,
  });
}

// ---------------------------------------------------------------------------------------

function describeMachine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, Node ${process.version}`;
}

/**
 * The LSP latency section runs in a child node process started with the language server's
 * own flags (SERVER_NODE_FLAGS: its GC settings change latency), over in-memory streams.
 */
function lspInServerProcessFlags(): void {
  const child = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, __filename, '--lsp-child'], {
    env: { ...process.env, ...serverEnvironmentOverrides(process.env) },
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  if (child.status !== 0) throw new Error(`the LSP latency run failed: ${child.stderr}`);
  const measured = JSON.parse(child.stdout) as { rows: Row[]; results: Record<string, unknown> };
  rows.push(...measured.rows);
  Object.assign(results, measured.results);
}

async function main(): Promise<void> {
  if (flags.has('--lsp-child')) {
    await lspLatency();
    process.stdout.write(JSON.stringify({ rows, results }));
    return;
  }
  const load = [loadavg()[0]];
  if (wants('engine')) engineVsParse();
  if (wants('lsp')) {
    lspInServerProcessFlags();
    await lspPullLatency();
  }
  if (wants('start')) await serverStart();
  if (wants('cli')) {
    const dir = layOutCorpus();
    try {
      cliAndPeers(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (wants('rss')) await serverMemory();
  if (wants('vsix')) vsixSize();
  load.push(loadavg()[0]);
  const machine = describeMachine();
  const date = new Date().toISOString();
  const loadNote = `load average ${load.map((l) => l.toFixed(1)).join(' → ')} (1 min, start → end of the run) on ${cpus().length} cores`;
  const table = [
    '| metric | measured | target | |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.metric} | ${r.value} | ${r.target ?? ''} | ${r.ok === undefined ? '' : r.ok ? '✅' : '❌'} |`),
  ].join('\n');
  const header = `Machine: ${machine}\nDate: ${date}, ${loadNote}\n`;
  console.log(`${header}\n${table}`);
  writeFileSync(join(repoRoot, 'bench', 'results.json'), JSON.stringify({ machine, date, load, rows, results }, null, 2) + '\n');
  if (flags.has('--write-results')) {
    const markdown = `# Benchmark results\n\nWritten by \`npm run bench -- --write-results${flags.has('--peers') ? ' --peers' : ''}\`; see docs/performance.md for what each line measures.\n\n- Machine: ${machine}\n- Date: ${date}\n- Commit: ${commitMeasured()}\n- Load: ${loadNote}. Engine ratios use CPU time (process.cpuUsage), which the other load inflates much less than wall time.\n\n${table}\n`;
    writeFileSync(join(repoRoot, 'bench', 'RESULTS.md'), markdown);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/** The commit the run measured (and whether the tree had local changes), for RESULTS.md. */
function commitMeasured(): string {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' });
  if (head.status !== 0) return 'unknown (not a git checkout)';
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repoRoot, encoding: 'utf8' }).stdout.trim() !== '';
  return `${head.stdout.trim()}${dirty ? ' with local changes' : ''}`;
}
