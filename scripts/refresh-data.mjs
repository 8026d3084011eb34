#!/usr/bin/env node
// Regenerates the data the supply-chain rules ship with (server/src/data/*.json) from the
// project's shared research data, plus the hand-curated server/src/data/overlay.json.
//
//   node scripts/refresh-data.mjs                 read ../shared/data (or --from <dir>)
//   node scripts/refresh-data.mjs --online        also refresh each advisory from OSV
//                                                 (api.osv.dev, by id): summary, ranges,
//                                                 fixed version and severity; falls back to
//                                                 the local record when a request fails
//   node scripts/refresh-data.mjs --check         exit 1 when the files would change (CI)
//
// Output is deterministic (sorted, no timestamps unless --stamp) so a refresh with no
// upstream change leaves git clean. The rules load these files once, lazily.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const candidates = [option('--from'), process.env.MCP_HYGIENE_SHARED_DATA, join(root, '..', 'shared', 'data'), '/work/shared/data'].filter(Boolean);
const from = candidates.find((dir) => existsSync(join(dir, 'advisories.json')));
if (!from) {
  console.error(`No advisories.json found in: ${candidates.join(', ')}. Pass --from <dir>.`);
  process.exit(2);
}
const outDir = join(root, 'server', 'src', 'data');
const overlay = JSON.parse(readFileSync(join(outDir, 'overlay.json'), 'utf8'));
const read = (name) => JSON.parse(readFileSync(join(from, name), 'utf8'));

// Severity: the shared feed carries none, so it is derived from what the advisory says an
// attacker gets. Errors are what a reviewer blocks on: code/command execution, sandbox
// escape, arbitrary file access, credential theft, malicious packages. The rest (DoS, XSS,
// SSRF, DNS rebinding of optional HTTP modes, data mix-ups) are warnings. OSV's own
// severity wins when --online finds one; overlay.severityOverrides wins over both.
const ERROR_PATTERNS = [
  /command (?:injection|execution)/i,
  /code execution/i,
  /arbitrary code/i,
  /runs arbitrary/i,
  /\bRCE\b/,
  /spawn(?:ed|s)? any command/i,
  /reverse shell/i,
  /escap(?:e|ing) the (?:docker )?sandbox/i,
  /sandbox escape/i,
  /arbitrary (?:local |server-side )?file (?:read|write|overwrite)/i,
  /file overwrite/i,
  /exfiltrat/i,
  /(?:token|api key|credentials?)\b.*\b(?:leak|send|theft|harvest)|leak the .*token|credential theft|embedded development credentials/i,
  /account takeover/i,
  /^MALICIOUS/,
  /shell metacharacter injection/i,
  /executed commands/i,
  /send\b.*\b(?:token|api key|credentials?)\b/i,
];
function deriveSeverity(advisory) {
  if (overlay.severityOverrides?.[advisory.id]) return { severity: overlay.severityOverrides[advisory.id], severitySource: 'overlay' };
  if (advisory.osvSeverity) return { severity: /critical|high/i.test(advisory.osvSeverity) ? 'error' : 'warning', severitySource: 'osv' };
  return { severity: ERROR_PATTERNS.some((p) => p.test(advisory.summary)) ? 'error' : 'warning', severitySource: 'derived from summary' };
}

async function refreshFromOsv(advisory) {
  try {
    const response = await fetch(`https://api.osv.dev/v1/vulns/${encodeURIComponent(advisory.id)}`, { signal: AbortSignal.timeout(15000) });
    if (!response.ok) return advisory;
    const osv = await response.json();
    const updated = { ...advisory };
    if (osv.summary) updated.summary = osv.summary;
    const level = osv.database_specific?.severity;
    if (typeof level === 'string') updated.osvSeverity = level;
    const affected = (osv.affected ?? []).find((a) => a.package?.name === advisory.package);
    const events = affected?.ranges?.flatMap((r) => r.events ?? []) ?? [];
    const fixed = events.map((e) => e.fixed).filter(Boolean);
    if (fixed.length === 1) updated.fixed = fixed[0];
    return updated;
  } catch {
    return advisory;
  }
}

let advisories = read('advisories.json');
if (argv.includes('--online')) advisories = await Promise.all(advisories.map(refreshFromOsv));
const advisoryRecords = advisories
  .map((a) => ({
    id: a.id,
    aliases: a.aliases ?? [],
    ecosystem: a.ecosystem,
    package: a.package,
    affected: a.affected,
    fixed: a.fixed ?? null,
    malicious: a.id.startsWith('MAL-'),
    ...deriveSeverity(a),
    summary: a.summary,
    url: a.url,
  }))
  .sort((x, y) => x.ecosystem.localeCompare(y.ecosystem) || x.package.localeCompare(y.package) || x.id.localeCompare(y.id));

const deprecated = read('deprecated-servers.json')
  .map((d) => {
    const drop = overlay.dropInReplacements?.[`${d.ecosystem}:${d.package}`];
    return { ...d, ...(drop ? { dropIn: drop } : {}) };
  })
  .sort((x, y) => x.ecosystem.localeCompare(y.ecosystem) || x.package.localeCompare(y.package));

const known = read('known-servers.json').sort((x, y) => x.ecosystem.localeCompare(y.ecosystem) || x.package.localeCompare(y.package));

const provenance = {
  advisories:
    'GitHub Security Advisories / OSV records listed in the project research data (each record carries its url); severity as described in scripts/refresh-data.mjs',
  deprecated: 'Archive notices and publisher deprecation notes (each record carries its url); dropIn from server/src/data/overlay.json',
  known: 'Official and widely used MCP server packages (each record carries its url)',
};
const files = {
  'advisories.json': { source: provenance.advisories, advisories: advisoryRecords },
  'deprecated-servers.json': { source: provenance.deprecated, servers: deprecated },
  'known-servers.json': { source: provenance.known, servers: known, lookalikes: overlay.lookalikes ?? [], imageAliases: overlay.imageAliases ?? {} },
};
if (argv.includes('--stamp')) for (const file of Object.values(files)) file.generated = new Date().toISOString();

let changed = 0;
for (const [name, content] of Object.entries(files)) {
  const path = join(outDir, name);
  const text = JSON.stringify(content, null, 2) + '\n';
  const before = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (before === text) continue;
  changed++;
  if (!argv.includes('--check')) writeFileSync(path, text);
  console.log(`${argv.includes('--check') ? 'would update' : 'updated'} server/src/data/${name}`);
}
console.log(
  `${advisoryRecords.length} advisories (${advisoryRecords.filter((a) => a.severity === 'error').length} error-level), ${deprecated.length} deprecated servers, ${known.length} known servers, from ${from}`,
);
if (argv.includes('--check') && changed) process.exit(1);
