/**
 * The GitHub Action (action.yml) and the reusable workflow: metadata valid against
 * SchemaStore's schemas, and the composite steps run locally as the runner would run them,
 * from a fresh copy of the repository (no dist/, no node_modules), in temporary git
 * repositories: `run:` steps with bash, `uses:` steps recorded instead of run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT, SARIF_SCHEMA, buildCliOnce, committedRepository, copyWorkingTree, tempDir } from './helpers';

interface ActionStep {
  name?: string;
  id?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  'working-directory'?: string;
}

interface ActionMetadata {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const ACTION = parseYaml(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionMetadata;
const SCHEMAS = join(REPO_ROOT, 'test', 'fixtures', 'schemas');
const UPLOAD_SARIF = 'github/codeql-action/upload-sarif@v3';

/** Ajv for the draft-07 schemas SchemaStore and OASIS publish (formats such as uri checked). */
function validatorFor(schemaFile: string) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
}

function assertValid(schemaFile: string, document: unknown, what: string): void {
  const validate = validatorFor(schemaFile);
  assert.ok(validate(document), `${what}: ${JSON.stringify(validate.errors?.slice(0, 5), null, 2)}`);
}

interface Contexts {
  inputs: Record<string, string>;
  github: Record<string, string>;
  steps: Record<string, { outputs: Record<string, string> }>;
}

/** A context path such as `inputs.fail-on` or `steps.scan.outputs.exit-code`; anything else is a test failure. */
function lookup(path: string, contexts: Contexts): string {
  const [root, ...rest] = path.split('.');
  if (root === 'inputs' && rest.length === 1) return contexts.inputs[rest[0]] ?? '';
  if (root === 'github' && rest.length === 1 && rest[0] in contexts.github) return contexts.github[rest[0]];
  if (root === 'steps' && rest.length === 3 && rest[1] === 'outputs') return contexts.steps[rest[0]]?.outputs[rest[2]] ?? '';
  throw new Error(`The local runner does not know the expression "${path}": teach it, or keep action.yml to inputs, github.action_path and step outputs.`);
}

/** Replaces each `${{ path }}` in a string, as the runner does for env, with and run. */
function substitute(text: string, contexts: Contexts): string {
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, path: string) => lookup(path, contexts));
}

/** An `if:` made of `&&`-joined `always()` and `path == 'literal'` / `path != 'literal'` clauses. */
function condition(expression: string, contexts: Contexts, failed: boolean): boolean {
  const clauses = expression
    .replace(/^\$\{\{([\s\S]*)\}\}$/, '$1')
    .split('&&')
    .map((clause) => clause.trim());
  const statusChecked = clauses.includes('always()');
  return (
    (statusChecked || !failed) &&
    clauses.every((clause) => {
      if (clause === 'always()') return true;
      const comparison = /^([\w.-]+)\s*(==|!=)\s*'([^']*)'$/.exec(clause);
      if (!comparison) throw new Error(`The local runner cannot evaluate "${clause}".`);
      const equal = lookup(comparison[1], contexts) === comparison[3];
      return comparison[2] === '==' ? equal : !equal;
    })
  );
}

interface StepRun {
  step: ActionStep;
  ran: boolean;
  status?: number;
  stdout: string;
  stderr: string;
  /** `with:` after substitution, for `uses:` steps. */
  with?: Record<string, string>;
}

interface ActionRun {
  failed: boolean;
  steps: StepRun[];
  outputs: Record<string, string>;
}

function readOutputs(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  const outputs: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return outputs;
}

/**
 * Runs the composite action's steps in `workspace` with the action checked out at
 * `actionPath`, as GitHub's runner does: inputs default from action.yml, `run:` steps with
 * `bash --noprofile --norc -eo pipefail`, a step skipped after a failure unless its `if:`
 * says always(). `uses:` steps are not run (they need GitHub): their `with:` is recorded.
 */
function runAction(actionPath: string, workspace: string, inputs: Record<string, string> = {}): ActionRun {
  const defaults = Object.fromEntries(Object.entries(ACTION.inputs).map(([name, input]) => [name, input.default ?? '']));
  for (const name of Object.keys(inputs)) assert.ok(name in defaults, `action.yml has an input "${name}"`);
  const contexts: Contexts = { inputs: { ...defaults, ...inputs }, github: { action_path: actionPath, workspace }, steps: {} };
  const runnerTemp = join(workspace, '..', 'runner-temp');
  mkdirSync(runnerTemp, { recursive: true });
  let failed = false;
  const steps: StepRun[] = [];
  for (const [index, step] of ACTION.runs.steps.entries()) {
    const ran = step.if === undefined ? !failed : condition(step.if, contexts, failed);
    if (!ran) {
      steps.push({ step, ran, stdout: '', stderr: '' });
      continue;
    }
    if (step.uses) {
      const values = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, substitute(String(value), contexts)]));
      steps.push({ step, ran, stdout: '', stderr: '', with: values });
      continue;
    }
    assert.equal(step.shell, 'bash', 'run steps use bash, the one shell on every runner OS');
    const outputFile = join(runnerTemp, `output-${index}`);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? workspace,
      // Tests may point npm at its cache; the action itself never does.
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => key.startsWith('npm_config_'))),
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION_PATH: actionPath,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
      RUNNER_TEMP: runnerTemp,
    };
    for (const [key, value] of Object.entries(step.env ?? {})) env[key] = substitute(String(value), contexts);
    const cwd = step['working-directory'] ? substitute(step['working-directory'], contexts) : workspace;
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', substitute(step.run ?? '', contexts)], { cwd, env, encoding: 'utf8' });
    if (step.id) contexts.steps[step.id] = { outputs: readOutputs(outputFile) };
    if (result.status !== 0) failed = true;
    steps.push({ step, ran, status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr });
  }
  return { failed, steps, outputs: contexts.steps.scan?.outputs ?? {} };
}

/** The repository as `uses: mcp-hygiene/mcp-hygiene@<ref>` downloads it: nothing built or installed. */
function freshActionCheckout(dir: string): string {
  copyWorkingTree(dir);
  assert.ok(!existsSync(join(dir, 'dist')) && !existsSync(join(dir, 'node_modules')));
  return dir;
}

const UNPINNED = `{
  "servers": {
    "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] }
  }
}
`;
const PINNED = UNPINNED.replace('server-memory"', 'server-memory@2025.4.25"');

function scanStep(run: ActionRun): StepRun {
  return run.steps.find((s) => s.step.id === 'scan')!;
}

function uploadStep(run: ActionRun): StepRun {
  return run.steps.find((s) => s.step.uses === UPLOAD_SARIF)!;
}

function assertValidSarif(file: string) {
  const log = JSON.parse(readFileSync(file, 'utf8'));
  assertValid(SARIF_SCHEMA, log, file);
  return log as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
}

test("action.yml and the reusable workflow are valid against SchemaStore's schemas", () => {
  assertValid(join(SCHEMAS, 'github-action.json'), ACTION, 'action.yml');
  const workflow = parseYaml(readFileSync(join(REPO_ROOT, '.github', 'workflows', 'mcp-hygiene.yml'), 'utf8'));
  assertValid(join(SCHEMAS, 'github-workflow.json'), workflow, '.github/workflows/mcp-hygiene.yml');

  assert.equal(ACTION.runs.using, 'composite');
  assert.deepEqual(Object.keys(ACTION.inputs).sort(), ['baseline', 'fail-on', 'format', 'paths', 'sarif-file', 'upload-sarif']);
  for (const step of ACTION.runs.steps) {
    if (step.run !== undefined) assert.equal(step.shell, 'bash', `"${step.name}": a composite run step needs shell:`);
    // Inputs go through env: spliced into a script they would be shell code.
    assert.doesNotMatch(step.run ?? '', /\$\{\{/, `"${step.name}" has no expression in its script`);
  }
  const upload = ACTION.runs.steps.filter((s) => s.uses === UPLOAD_SARIF);
  assert.equal(upload.length, 1);
  assert.equal(upload[0].with?.sarif_file, '${{ inputs.sarif-file }}');
  assert.match(upload[0].if ?? '', /^always\(\) && /, 'the report is uploaded even when the scan step fails the job');

  // The workflow passes every action input through, under the same names.
  const job = Object.values(workflow.jobs as Record<string, { steps: ActionStep[] }>)[0];
  const uses = job.steps.find((s) => s.uses?.startsWith('mcp-hygiene/mcp-hygiene@'));
  assert.ok(uses, 'the workflow runs the action');
  assert.deepEqual(Object.keys(workflow.on.workflow_call.inputs).sort(), Object.keys(ACTION.inputs).sort());
  for (const name of Object.keys(ACTION.inputs)) assert.equal(uses.with?.[name], `\${{ inputs.${name} }}`);
});

test('the action, from a fresh checkout, fails on an unpinned server and passes a pinned config; SARIF valid and uploaded', { timeout: 600_000 }, () => {
  const { dir, cleanup } = tempDir('mcp-hygiene-action-');
  try {
    const actionPath = freshActionCheckout(join(dir, 'action'));

    const unpinned = runAction(actionPath, committedRepository(join(dir, 'unpinned'), { '.vscode/mcp.json': UNPINNED }));
    const build = unpinned.steps[0];
    assert.equal(build.status, 0, build.stdout + build.stderr);
    assert.ok(existsSync(join(actionPath, 'dist', 'cli.js')), 'the first step bundles the CLI');
    assert.ok(unpinned.failed, 'the job fails');
    assert.equal(scanStep(unpinned).status, 1, scanStep(unpinned).stderr);
    assert.equal(unpinned.outputs['exit-code'], '1');
    assert.match(scanStep(unpinned).stdout, /unpinned-npm-package {2}\[memory\]/, 'the text report is in the log');
    assert.match(scanStep(unpinned).stdout, /::error::MCP configs have findings at or above warning\./);
    const sarif = assertValidSarif(join(dir, 'unpinned', 'mcp-hygiene.sarif'));
    assert.deepEqual(
      sarif.runs[0].results.map((r) => [r.ruleId, r.locations[0].physicalLocation.artifactLocation.uri]).sort(),
      [
        ['unpinned-npm-package', '.vscode/mcp.json'],
        ['vscode-sandbox-off', '.vscode/mcp.json'],
      ].sort(),
    );
    assert.ok(uploadStep(unpinned).ran, 'uploaded although the scan step failed');
    assert.deepEqual(uploadStep(unpinned).with, { sarif_file: 'mcp-hygiene.sarif', category: 'mcp-hygiene' });

    // Same job, second use: the bundle is there, nothing is installed again.
    const pinned = runAction(
      actionPath,
      committedRepository(join(dir, 'pinned'), { '.vscode/mcp.json': PINNED.replace('"] }', '"], "sandboxEnabled": true }') }),
    );
    assert.equal(pinned.steps[0].stdout, '', 'no build the second time');
    assert.ok(!pinned.failed, scanStep(pinned).stdout + scanStep(pinned).stderr);
    assert.equal(pinned.outputs['exit-code'], '0');
    assert.deepEqual(assertValidSarif(join(dir, 'pinned', 'mcp-hygiene.sarif')).runs[0].results, []);
    assert.ok(uploadStep(pinned).ran);

    // Inputs: paths one per line (spaces inside a line kept), JSON in the log, a SARIF path, no upload, fail-on error.
    const inputs = committedRepository(join(dir, 'inputs'), {
      'team configs/.mcp.json': UNPINNED.replace('"servers"', '"mcpServers"'),
      'other/.cursor/mcp.json': UNPINNED.replace('"servers"', '"mcpServers"'),
    });
    const custom = runAction(actionPath, inputs, {
      paths: '  team configs  \n\n',
      format: 'json',
      'sarif-file': 'reports/mcp.sarif',
      'upload-sarif': 'false',
      'fail-on': 'error',
    });
    assert.ok(!custom.failed, `an unpinned server is a warning, below fail-on error: ${scanStep(custom).stderr}`);
    const log = JSON.parse(scanStep(custom).stdout);
    assert.deepEqual(
      log.findings.map((f: { file: string; ruleId: string }) => [f.file, f.ruleId]),
      [['team configs/.mcp.json', 'unpinned-npm-package']],
    );
    assert.equal(assertValidSarif(join(inputs, 'reports', 'mcp.sarif')).runs[0].results.length, 1);
    assert.ok(!uploadStep(custom).ran, 'upload-sarif: false');
  } finally {
    cleanup();
  }
});

test('the action on a usage error (a missing baseline): exit 2 explained in the log, the job fails, nothing to upload', { timeout: 120_000 }, () => {
  const { dir, cleanup } = tempDir('mcp-hygiene-action-');
  try {
    // A checkout with the bundle already in place (as after a first use in the job).
    const actionPath = freshActionCheckout(join(dir, 'action'));
    mkdirSync(join(actionPath, 'dist'));
    const cli = buildCliOnce();
    for (const file of ['cli.js', 'cli-main.js']) cpSync(join(cli, '..', file), join(actionPath, 'dist', file));

    const workspace = committedRepository(join(dir, 'repo'), { '.vscode/mcp.json': UNPINNED });
    const run = runAction(actionPath, workspace, { baseline: 'no-such-baseline.json' });
    assert.ok(run.failed);
    assert.equal(scanStep(run).status, 2);
    assert.match(scanStep(run).stderr, /no-such-baseline\.json/);
    assert.deepEqual(run.outputs, {}, 'no exit-code or sarif-file: the scan did not run');
    assert.ok(!uploadStep(run).ran, 'no SARIF to upload');
    assert.ok(!existsSync(join(workspace, 'mcp-hygiene.sarif')));
  } finally {
    cleanup();
  }
});
