import { lint, LineIndex } from '../../../server/src/engine';
import { PATHS, REMOTE, render, STDIO, type DialectId, type Srv } from './dialects';

/**
 * A labelled set for issue 15, classes 3 and 5, every client format in turn.
 *  - Class 3: the whole disk, a drive, a home folder, a credential folder or a system folder
 *    handed to ANY server as an argument is a permission finding (an error for a known
 *    filesystem server, a warning otherwise). Negatives: project paths, ${workspaceFolder},
 *    `.`, /tmp, URL routes, a file in a system folder, a script path under home, non-paths.
 *  - Class 5: `http://` to a placeholder host; plaintext database and broker protocols to
 *    hosts that are not loopback; CORS `*`; public tunnels and request-capture hosts.
 *    Negatives: TLS schemes and parameters, loopback, named origins, ordinary https hosts.
 */
export interface ClassCase {
  name: string;
  clazz: 3 | 5;
  dialect: DialectId;
  path: string;
  text: string;
  positive: boolean;
  needle?: string;
}

export const CLASS_RULES: Record<3 | 5, readonly string[]> = {
  3: ['broad-filesystem-access', 'sensitive-path-access'],
  5: ['insecure-http-remote', 'unencrypted-database-connection', 'cors-allow-all', 'tunnel-or-capture-host'],
};

/** Found when one of the class's rules reports at warning or above over the needle; a negative is wrong when any does anywhere. */
export function judgeClass(c: ClassCase): { ok: boolean; detail: string } {
  const findings = lint(c.text, c.path).filter((f) => CLASS_RULES[c.clazz].includes(f.ruleId) && (f.severity === 'error' || f.severity === 'warning'));
  const got = findings.map((f) => `${f.ruleId} (${f.severity})`).join(', ') || 'nothing';
  if (!c.positive) return { ok: findings.length === 0, detail: `expected nothing, got ${got}` };
  const lines = new LineIndex(c.text);
  // The needle as a whole string value first ("/" is also inside package names), else anywhere.
  const quoted = c.text.indexOf(`"${c.needle}"`);
  const at = quoted >= 0 ? quoted + 1 : c.text.indexOf(c.needle!);
  if (at < 0) throw new Error(`needle of "${c.name}" is not in its text`);
  const hit = findings.some((f) => lines.offsetAt(f.range.start) <= at + c.needle!.length && lines.offsetAt(f.range.end) >= at);
  return { ok: hit, detail: `expected a finding on ${c.needle}, got ${got}` };
}

const npx = (pkg: string, ...args: string[]): Srv => ({ command: 'npx', args: ['-y', pkg, ...args] });

const PATH_POSITIVES: Array<{ name: string; srv: Srv; needle: string }> = [
  { name: 'node script given ~', srv: { command: 'node', args: ['/opt/mcp/notes/server.js', '~'] }, needle: '~' },
  { name: 'npx server given /', srv: npx('docs-index-mcp@1.2.0', '/'), needle: '"/"' },
  { name: '--root C:\\', srv: { command: 'uvx', args: ['code-index-mcp==0.4.1', '--root', 'C:\\'] }, needle: 'C:\\' },
  { name: '--path /Users/alice', srv: npx('project-search-mcp@0.9.3', '--path', '/Users/alice'), needle: '/Users/alice' },
  { name: '--dir ~/.ssh', srv: npx('key-helper-mcp@0.3.0', '--dir', '~/.ssh'), needle: '~/.ssh' },
  { name: '/etc given to a server', srv: { command: 'python', args: ['-m', 'config_mcp', '/etc'] }, needle: '"/etc"' },
  { name: '--workspace=/home/bob', srv: npx('workspace-mcp@2.0.1', '--workspace=/home/bob'), needle: '--workspace=/home/bob' },
  { name: '$HOME', srv: { command: 'uvx', args: ['notes-mcp==1.0.0', '--data', '$HOME'] }, needle: '$HOME' },
  { name: '~/.aws', srv: npx('cloud-helper-mcp@1.1.0', '--config-dir', '~/.aws'), needle: '~/.aws' },
  { name: '~/.kube', srv: { command: 'uvx', args: ['k8s-notes-mcp==0.2.0', '~/.kube'] }, needle: '~/.kube' },
  { name: '/root', srv: npx('backup-mcp@0.5.0', '--source', '/root'), needle: '/root' },
  { name: '%USERPROFILE%', srv: npx('win-files-mcp@1.0.0', '%USERPROFILE%'), needle: '%USERPROFILE%' },
  { name: 'known filesystem server given /', srv: npx('@modelcontextprotocol/server-filesystem@2025.8.21', '/'), needle: '"/"' },
  { name: 'known filesystem server given ~/.gnupg', srv: npx('@modelcontextprotocol/server-filesystem@2025.8.21', '~/.gnupg'), needle: '~/.gnupg' },
];

const PATH_NEGATIVES: Array<{ name: string; srv: Srv }> = [
  { name: './data', srv: npx('project-search-mcp@0.9.3', '--path', './data') },
  { name: '.', srv: npx('docs-index-mcp@1.2.0', '.') },
  { name: '${workspaceFolder}-free project path', srv: npx('docs-index-mcp@1.2.0', '/srv/app/docs') },
  { name: '/tmp', srv: npx('scratch-mcp@1.0.0', '--dir', '/tmp/mcp-scratch') },
  { name: '--base-url /', srv: npx('proxy-mcp@2.1.0', '--base-url', '/') },
  { name: '--prefix /', srv: { command: 'uvx', args: ['web-mcp==0.3.0', '--prefix', '/'] } },
  { name: 'URL argument', srv: npx('mcp-remote@0.1.29', 'https://mcp.acme.io/sse') },
  { name: 'a file in /etc', srv: npx('config-mcp@1.0.0', '--config', '/etc/mcp/server.json') },
  { name: 'script under home', srv: { command: 'node', args: ['/home/alice/mcp/weather/build/index.js'] } },
  { name: 'port and log level', srv: npx('api-mcp@1.0.0', '--port', '8080', '--log-level', 'debug') },
  {
    name: 'docker mount target',
    srv: { command: 'docker', args: ['run', '-i', '--rm', '-v', './data:/data', `mcp/filesystem@sha256:${'ab12'.repeat(16)}`, '/data'] },
  },
  { name: 'home subfolder for a project', srv: npx('project-search-mcp@0.9.3', '--path', '~/projects/app') },
];

const TRANSPORT_POSITIVES: Array<{ name: string; srv: Srv; needle: string; remote?: boolean }> = [
  { name: 'http to a placeholder host', srv: { url: 'http://your-host:5000/mcp' }, needle: 'http://your-host:5000/mcp', remote: true },
  { name: 'http to <host>', srv: { url: 'http://<host>:8080/sse', transport: 'sse' }, needle: 'http://<host>:8080/sse', remote: true },
  {
    name: 'bolt to a remote host',
    srv: { command: 'uvx', args: ['mcp-neo4j-cypher==0.2.4'], env: { NEO4J_URI: 'bolt://graph.acme.io:7687' } },
    needle: 'bolt://graph.acme.io:7687',
  },
  { name: 'redis to a remote host', srv: npx('redis-mcp@0.2.0', 'redis://cache.acme.io:6379'), needle: 'redis://cache.acme.io:6379' },
  {
    name: 'mongodb to a remote host',
    srv: { command: 'npx', args: ['-y', 'mongo-mcp@0.4.0'], env: { MONGODB_URI: 'mongodb://db.acme.io:27017/app' } },
    needle: 'mongodb://db.acme.io:27017/app',
  },
  {
    name: 'amqp to a remote host',
    srv: { command: 'uvx', args: ['rabbit-mcp==0.1.2'], env: { AMQP_URL: 'amqp://mq.acme.io:5672/' } },
    needle: 'amqp://mq.acme.io:5672/',
  },
  {
    name: 'postgres to a remote host',
    srv: npx('@acme/pg-mcp@1.0.0', 'postgres://reader@db.acme.io:5432/app'),
    needle: 'postgres://reader@db.acme.io:5432/app',
  },
  {
    name: 'mysql to a private address',
    srv: { command: 'npx', args: ['-y', 'mysql-mcp@1.0.0'], env: { MYSQL_URL: 'mysql://app@10.20.0.5:3306/shop' } },
    needle: 'mysql://app@10.20.0.5:3306/shop',
  },
  { name: '--cors=*', srv: npx('mcp-proxy@5.6.0', '--port', '8080', '--cors=*'), needle: '--cors=*' },
  { name: '--cors *', srv: npx('supergateway@3.0.1', '--stdio', 'npx -y docs-mcp@1.0.0', '--cors', '*'), needle: '"*"' },
  { name: 'CORS_ORIGIN=*', srv: { command: 'node', args: ['/opt/mcp/http/server.js'], env: { CORS_ORIGIN: '*' } }, needle: '"*"' },
  { name: 'ALLOWED_ORIGINS=*', srv: { command: 'uvx', args: ['http-mcp==1.0.0'], env: { ALLOWED_ORIGINS: '*' } }, needle: '"*"' },
  { name: 'ngrok remote URL', srv: { url: 'https://3f2a-81-2-69-142.ngrok-free.app/mcp' }, needle: 'ngrok-free.app', remote: true },
  { name: 'trycloudflare through mcp-remote', srv: npx('mcp-remote@0.1.29', 'https://calm-river-1234.trycloudflare.com/sse'), needle: 'trycloudflare.com' },
  {
    name: 'webhook.site in env',
    srv: { command: 'npx', args: ['-y', 'notify-mcp@1.0.2'], env: { WEBHOOK_URL: 'https://webhook.site/6c1e2f4a-9b1d-4e3f-8a2b-1c2d3e4f5a6b' } },
    needle: 'webhook.site',
  },
  { name: 'pipedream in args', srv: npx('relay-mcp@0.2.0', '--callback', 'https://eo1a2b3c4d5e6f.m.pipedream.net'), needle: 'pipedream.net' },
  { name: 'loca.lt remote URL', srv: { url: 'https://quiet-fox-12.loca.lt/mcp' }, needle: 'loca.lt', remote: true },
];

const TRANSPORT_NEGATIVES: Array<{ name: string; srv: Srv }> = [
  { name: 'rediss', srv: npx('redis-mcp@0.2.0', 'rediss://cache.acme.io:6380') },
  { name: 'bolt+s', srv: { command: 'uvx', args: ['mcp-neo4j-cypher==0.2.4'], env: { NEO4J_URI: 'bolt+s://graph.acme.io:7687' } } },
  { name: 'neo4j+s', srv: { command: 'uvx', args: ['mcp-neo4j-memory==0.1.4'], env: { NEO4J_URL: 'neo4j+s://abcd1234.databases.neo4j.io' } } },
  { name: 'mongodb+srv', srv: { command: 'npx', args: ['-y', 'mongo-mcp@0.4.0'], env: { MONGODB_URI: 'mongodb+srv://cluster0.abcde.mongodb.net/app' } } },
  { name: 'postgres sslmode=require', srv: npx('@acme/pg-mcp@1.0.0', 'postgres://reader@db.acme.io:5432/app?sslmode=require') },
  { name: 'amqps', srv: { command: 'uvx', args: ['rabbit-mcp==0.1.2'], env: { AMQP_URL: 'amqps://mq.acme.io:5671/' } } },
  { name: 'redis on localhost', srv: npx('redis-mcp@0.2.0', 'redis://localhost:6379') },
  { name: 'postgres on 127.0.0.1', srv: { command: 'npx', args: ['-y', '@acme/pg-mcp@1.0.0'], env: { DATABASE_URL: 'postgres://app@127.0.0.1:5432/app' } } },
  { name: 'mongodb with tls=true', srv: { command: 'npx', args: ['-y', 'mongo-mcp@0.4.0'], env: { MONGODB_URI: 'mongodb://db.acme.io:27017/app?tls=true' } } },
  { name: 'named CORS origin', srv: npx('mcp-proxy@5.6.0', '--port', '8080', '--cors=https://app.acme.io') },
  { name: 'CORS_ORIGIN named', srv: { command: 'node', args: ['/opt/mcp/http/server.js'], env: { CORS_ORIGIN: 'https://app.acme.io' } } },
  { name: 'ordinary https via mcp-remote', srv: npx('mcp-remote@0.1.29', 'https://mcp.linear.app/sse') },
  { name: 'ngrok docs link in env', srv: { command: 'npx', args: ['-y', 'docs-mcp@1.0.0'], env: { DOCS_URL: 'https://ngrok.com/docs/agent' } } },
  { name: 'variable host', srv: npx('mcp-remote@0.1.29', 'http://${MCP_HOST}/sse') },
  { name: 'glob star argument', srv: npx('files-mcp@1.0.0', '--include', '*') },
];

export function buildPathsTransportSet(rotation = 0): ClassCase[] {
  const cases: ClassCase[] = [];
  let counter = 0;
  const next = (remote: boolean): DialectId => (remote ? REMOTE : STDIO)[(counter++ + rotation) % (remote ? REMOTE : STDIO).length];
  const add = (clazz: 3 | 5, name: string, srv: Srv, positive: boolean, needle: string | undefined, remote: boolean) => {
    for (let i = 0; i < 3; i++) {
      const dialect = next(remote);
      cases.push({
        name: `class ${clazz} ${positive ? '+' : '-'} ${name} [${dialect}]`,
        clazz,
        dialect,
        path: PATHS[dialect],
        text: render(dialect, 'main', srv),
        positive,
        ...(needle ? { needle: JSON.stringify(needle).slice(1, -1) } : {}),
      });
    }
  };
  for (const c of PATH_POSITIVES) add(3, c.name, c.srv, true, c.needle.replace(/^"|"$/g, ''), false);
  for (const c of PATH_NEGATIVES) add(3, c.name, c.srv, false, undefined, false);
  for (const c of TRANSPORT_POSITIVES) add(5, c.name, c.srv, true, c.needle.replace(/^"|"$/g, ''), c.remote ?? false);
  for (const c of TRANSPORT_NEGATIVES) add(5, c.name, c.srv, false, undefined, false);
  return cases;
}
