import { lint } from '../server/src/engine';
import { PATHS, render, STDIO, REMOTE, type DialectId } from './unit/quality/dialects';
const TOKEN = 'ghp_' + 'R8x2Lq9Vw4Zt7Yp3Kc6Nb1Md5Fh0Js2Gk8Pa';
const PW = 'Xq7-vLp9_Wz3rT2k';
const locs: Record<string, any> = {
  env: { command: 'npx', args: ['-y', '@acme/docs-mcp@1.4.2'], env: { DOCS_API_TOKEN: TOKEN } },
  args: { command: 'npx', args: ['-y', '@acme/docs-mcp@1.4.2', '--api-key', TOKEN] },
  'conn-env': { command: 'npx', args: ['-y', '@acme/pg-mcp@1.4.2'], env: { DATABASE_URL: `postgres://app:${PW}@db.acme.io:5432/app` } },
  'conn-args': { command: 'npx', args: ['-y', '@acme/pg-mcp@1.4.2', `postgres://app:${PW}@db.acme.io:5432/app`] },
  headers: { url: 'https://mcp.acme.io/mcp', headers: { Authorization: 'Bearer ' + TOKEN } },
  'url-query': { url: `https://mcp.acme.io/mcp?api_key=${TOKEN}` },
  'url-userinfo': { url: `https://app:${PW}@mcp.acme.io/mcp` },
};
for (const d of STDIO as DialectId[]) {
  for (const [loc, srv] of Object.entries(locs)) {
    if (srv.url && !REMOTE.includes(d)) continue;
    const text = render(d, 'docs', srv);
    const fs = lint(text, PATHS[d]).filter((f) => f.ruleId.startsWith('secret-'));
    console.log(d.padEnd(14), loc.padEnd(12), fs.map((f) => `${f.ruleId}[${f.severity}] {${f.fixes.map((x) => x.title).join(' | ')}}`).join(' ; ') || '-');
  }
}
