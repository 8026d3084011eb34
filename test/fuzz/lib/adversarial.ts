/**
 * Adversarial inputs for the scanners: for every regex or hand-written scanner that could go
 * super-linear (listed in docs/reliability.md, "Hostile workspaces"), the repeated unit that
 * makes it backtrack or re-scan, placed in every position a config carries a string, in
 * JSON(C), TOML and YAML. Shared by `npm run fuzz` (section `adversarial`, sizes up to 1 MB)
 * and test/unit/reliability/linearTime.test.ts (work counted at sizes up to 100 kB).
 */

export type Syntax = 'json' | 'toml' | 'yaml';
export const SYNTAXES: readonly Syntax[] = ['json', 'toml', 'yaml'];

/** Where a config carries a string. */
export type Position =
  | 'command'
  | 'arg'
  | 'deno run'
  | 'sh -c'
  | 'pwsh -Command'
  | 'cmd /c'
  | 'env value'
  | 'env key'
  | 'header'
  | 'url'
  | 'comment'
  | 'server name'
  | 'auto-approved tool';
export const POSITIONS: readonly Position[] = [
  'command',
  'arg',
  'deno run',
  'sh -c',
  'pwsh -Command',
  'cmd /c',
  'env value',
  'env key',
  'header',
  'url',
  'comment',
  'server name',
  'auto-approved tool',
];

export interface AdversarialCase {
  /** What it attacks: the scanner and the construct that used to backtrack. */
  name: string;
  /** The repeated unit, with text before and after it when the scanner needs a context. */
  unit: string;
  prefix?: string;
  suffix?: string;
  /** The positions where the attacked scanner reads it (the fuzz section uses every position). */
  positions: readonly Position[];
}

export const ADVERSARIAL_CASES: readonly AdversarialCase[] = [
  { name: 'shellCommands: one long word', unit: 'a', positions: ['sh -c', 'pwsh -Command', 'cmd /c'] },
  { name: 'shellCommands: unclosed quotes', unit: `"a'`, positions: ['sh -c', 'pwsh -Command'] },
  { name: 'shellCommands: unclosed $( substitutions', unit: '$(a ', positions: ['sh -c'] },
  { name: 'shellCommands: redirections', unit: '2>a ', positions: ['sh -c'] },
  { name: 'effective: assignment-only commands', unit: '&a=', positions: ['sh -c', 'cmd /c'] },
  { name: 'downloadExec: curl without a pipe', unit: 'curl ', positions: ['sh -c'] },
  { name: 'downloadExec: iwr without iex', unit: 'iwr ', positions: ['pwsh -Command'] },
  { name: 'downloadExec: iex without a download', unit: 'iex ', positions: ['pwsh -Command'] },
  { name: 'downloadExec: base64 -d without a pipe', unit: 'base64 -d ', positions: ['sh -c'] },
  { name: 'downloadExec: eval $( without a fetch', unit: 'eval $(', positions: ['sh -c'] },
  { name: 'downloadExec: downloadfile( unclosed', unit: "downloadfile('a',", positions: ['pwsh -Command'] },
  { name: 'interpolation: ${env: unclosed', unit: '${env:', positions: ['arg', 'env value', 'header', 'url'] },
  { name: 'interpolation: ${input: unclosed', unit: '${input:', positions: ['arg', 'env value', 'header'] },
  { name: 'interpolation: ${NAME:- unclosed', unit: '${A:-', positions: ['arg', 'env value', 'header'] },
  { name: 'interpolation: {env: unclosed', unit: '{env:', positions: ['arg', 'env value'] },
  { name: 'interpolation: ${{ secrets. unclosed', unit: '${{ secrets.a', positions: ['arg', 'env value'] },
  { name: 'interpolation: ${config: unclosed', unit: '${config:', positions: ['arg', 'env value'] },
  { name: 'secret-in-comment: one long name', unit: 'a', positions: ['comment'] },
  { name: 'secret-in-comment: names without a value', unit: 'a.', positions: ['comment'] },
  { name: 'secret-in-comment: quoted names', unit: '"a', positions: ['comment'] },
  { name: 'secrets: bearer scheme without a token', unit: ' bearer', positions: ['header', 'env value'] },
  { name: 'secrets: BEGIN without a key', unit: '-----BEGIN ', positions: ['env value', 'comment'] },
  { name: 'secrets: eyJ without a JWT', unit: 'eyJaaaaaaaaa.', positions: ['env value', 'header', 'comment'] },
  { name: 'secrets: a run of eyJ without a dot', unit: 'eyJ', positions: ['env value', 'header', 'arg', 'url', 'comment'] },
  { name: 'secrets: long word', unit: 'aB3', positions: ['env value', 'header', 'arg', 'url', 'comment'] },
  { name: 'urls: scheme without a host', unit: 'http://', positions: ['arg', 'env value', 'url', 'comment'] },
  { name: 'urls: userinfo without a host', unit: 'a:b@', positions: ['url', 'arg'] },
  { name: 'whitespace run', unit: ' \t', positions: ['arg', 'env value', 'sh -c', 'comment'] },
  { name: 'downloadExec: blank lines before a substitution', unit: '\n', positions: ['sh -c'] },
  { name: 'interpolation: references inside references', unit: '{env:$a}', positions: ['arg', 'env value'] },
  { name: 'keyNames: one long capital run', unit: 'A', positions: ['env key'] },
  { name: 'words: one long capital run', unit: 'A', positions: ['server name', 'auto-approved tool'] },
  { name: 'toolNames: many words after no reading verb', unit: 'shell_', positions: ['auto-approved tool'] },
  { name: 'denoLaunch: query marks before a line break', prefix: 'https://deno.land/x/a', unit: '?', suffix: '\nx', positions: ['deno run'] },
  { name: 'downloadExec: query marks in a saved download', prefix: 'curl -O "https://x.example/a', unit: '?', suffix: '\nx"', positions: ['sh -c'] },
  { name: 'filesystem: a run of slashes', unit: '/', suffix: 'x', positions: ['arg'] },
  { name: 'redact: query marks in one word of a message', unit: '?a', positions: ['sh -c', 'pwsh -Command'] },
  { name: 'contextFormats: trailing dots inside a token', prefix: 'tok', unit: '.', suffix: 'x', positions: ['env value', 'header'] },
];

/** The case's unit repeated to about `size` characters, inside its prefix and suffix. */
export function adversarialText({ unit, prefix = '', suffix = '' }: AdversarialCase, size: number): string {
  return prefix + unit.repeat(Math.max(1, Math.round(size / unit.length))) + suffix;
}

/** A lint path whose dialect reads every server of a config in that syntax. */
export const PATH_FOR: Record<Syntax, string> = {
  json: '/p/.mcp.json',
  toml: '/p/.codex/config.toml',
  yaml: '/p/.continue/mcpServers/x.yaml',
};

/**
 * A one-server config in `syntax` with `payload` at `position`. Strings are written with
 * JSON escapes, which TOML basic strings and YAML double-quoted scalars share.
 */
export function configWith(syntax: Syntax, position: Position, payload: string): string {
  const q = (text: string) => JSON.stringify(text);
  let command = 'npx';
  let args = ['-y', 'pkg@1.0.0'];
  const env: Record<string, string> = { LOG_LEVEL: 'info' };
  const headers: Record<string, string> = {};
  let url: string | undefined;
  let comment = 'a comment';
  let name = 's';
  const tools: string[] = [];
  switch (position) {
    case 'command':
      command = payload;
      break;
    case 'arg':
      args = ['-y', 'pkg@1.0.0', payload];
      break;
    case 'deno run':
      command = 'deno';
      args = ['run', payload];
      break;
    case 'sh -c':
      command = 'bash';
      args = ['-c', payload];
      break;
    case 'pwsh -Command':
      command = 'pwsh';
      args = ['-Command', payload];
      break;
    case 'cmd /c':
      command = 'cmd';
      args = ['/c', payload];
      break;
    case 'env value':
      env.API_TOKEN = payload;
      break;
    case 'env key':
      env[payload] = 'x';
      break;
    case 'header':
      headers.Authorization = payload;
      break;
    case 'url':
      url = 'https://api.example.com/' + payload;
      break;
    case 'comment':
      comment = payload;
      break;
    case 'server name':
      name = payload;
      break;
    case 'auto-approved tool':
      tools.push(payload);
      break;
  }
  const pairs = (map: Record<string, string>, sep: string) =>
    Object.entries(map)
      .map(([k, v]) => `${q(k)}${sep}${q(v)}`)
      .join(', ');
  if (syntax === 'json') {
    const fields = [`"command": ${q(command)}`, `"args": [${args.map(q).join(', ')}]`, `"env": {${pairs(env, ': ')}}`];
    if (url) fields.push(`"url": ${q(url)}`);
    if (Object.keys(headers).length) fields.push(`"headers": {${pairs(headers, ': ')}}`);
    if (tools.length) fields.push(`"autoApprove": [${tools.map(q).join(', ')}]`);
    return `{\n  // ${comment}\n  "mcpServers": {\n    ${q(name)}: {${fields.join(', ')}}\n  }\n}\n`;
  }
  if (syntax === 'toml') {
    const table = `mcp_servers.${q(name)}`;
    const lines = [`# ${comment}`, `[${table}]`, `command = ${q(command)}`, `args = [${args.map(q).join(', ')}]`];
    if (url) lines.push(`url = ${q(url)}`);
    lines.push(`[${table}.env]`, ...Object.entries(env).map(([k, v]) => `${q(k)} = ${q(v)}`));
    if (Object.keys(headers).length) lines.push(`[${table}.http_headers]`, ...Object.entries(headers).map(([k, v]) => `${q(k)} = ${q(v)}`));
    for (const tool of tools) lines.push(`[${table}.tools.${q(tool)}]`, 'approval_mode = "approve"');
    return lines.join('\n') + '\n';
  }
  const lines = [
    `# ${comment}`,
    'name: x',
    'mcpServers:',
    `  - name: ${q(name)}`,
    `    command: ${q(command)}`,
    '    args:',
    ...args.map((a) => `      - ${q(a)}`),
    '    env:',
    ...Object.entries(env).map(([k, v]) => `      ${q(k)}: ${q(v)}`),
  ];
  if (url) lines.push(`    url: ${q(url)}`);
  if (Object.keys(headers).length) lines.push('    requestOptions:', '      headers:', ...Object.entries(headers).map(([k, v]) => `        ${q(k)}: ${q(v)}`));
  if (tools.length) lines.push('    autoApprove:', ...tools.map((tool) => `      - ${q(tool)}`));
  return lines.join('\n') + '\n';
}

export interface AdversarialTiming {
  label: string;
  ms: number;
}

/**
 * Lints every case × every position × every syntax at `sizes` (characters of repeated
 * unit, smallest first) and returns the timings, slowest first. A lint over `boundMs` skips
 * the larger sizes of its case, position and syntax: it already fails, and a super-linear
 * case at 1 MB would run for hours.
 */
export function timeAdversarial(lint: (text: string, path: string) => unknown, sizes: readonly number[], boundMs: number): AdversarialTiming[] {
  const timings: AdversarialTiming[] = [];
  for (const adversarial of ADVERSARIAL_CASES) {
    for (const position of POSITIONS) {
      for (const syntax of SYNTAXES) {
        for (const size of sizes) {
          const text = configWith(syntax, position, adversarialText(adversarial, size));
          const started = performance.now();
          lint(text, PATH_FOR[syntax]);
          const ms = performance.now() - started;
          timings.push({ label: `${adversarial.name} ×${size} in ${position}, ${syntax}`, ms });
          if (ms > boundMs) break;
        }
      }
    }
  }
  return timings.sort((a, b) => b.ms - a.ms);
}
