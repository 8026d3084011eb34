import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import type { FixSpec } from '../core/types';
import type { StringValue } from '../core/model';
import { allCommands, serverCommands } from '../launch/effective';
import { dockerOptions, dockerRunOf, isFlagOn } from '../launch/docker';
import { valueRange } from '../fixes/nodeEdits';

const ALL = /^(?:0\.0\.0\.0|::|\[::\]|\*|0)$/;
const HOST_FLAGS =
  /^(?:--host|--bind|--bind-address|--listen|--listen-address|--address|--addr|--http-host|--server-host|--mcp-host|--sse-host|-H|--hostname|--ip|--interface)$/i;
/** Flags named for where a server listens (`--listen-addr`, `--http-address`, `--bind-host`...). */
const LISTEN_FLAG = /^--?(?:[a-z0-9]+-)*(?:host|bind|listen|addr|address|interface|ip)(?:-(?:host|addr|address|interface|ip))?$/i;
/** Flags and variables that name a destination, not a listening address. */
const DESTINATION =
  /(?:^|[-_])(?:db|database|redis|mongo|postgres|mysql|sql|remote|upstream|target|proxy|api|allowed|trusted|smtp|mail|ldap|es|elastic|opensearch|registry|ollama)(?:[-_]|$)/i;
const HOST_ENV =
  /^(?:[A-Z0-9]+_)*(?:HOST|BIND|BIND_ADDRESS|BIND_HOST|LISTEN|LISTEN_ADDRESS|LISTEN_HOST|SERVER_HOST|SERVER_NAME|ADDR|ADDRESS|HOSTNAME|INTERFACE)$/;

/**
 * `0.0.0.0`, `::` or `*` as a whole value, or as the host of `host:port`; for listen-address
 * settings also `:port` with no host (Go and others listen on every interface then).
 */
function bindAllPart(text: string, portOnly = false): { start: number; end: number } | undefined {
  const value = text.trim();
  const lead = text.indexOf(value);
  if (ALL.test(value) && value !== '0' && value !== '*') return { start: lead, end: lead + value.length };
  const match = /^(0\.0\.0\.0|\[::\]|\*):\d+$/.exec(value);
  if (match) return { start: lead, end: lead + match[1].length };
  if (portOnly && /^:\d+$/.test(value)) return { start: lead, end: lead + value.length };
  return undefined;
}

/**
 * A local server told to listen on every interface (`--host 0.0.0.0`, `HOST=0.0.0.0`,
 * docker `-p 8080:8080`) is reachable from the whole network: the MCP transport spec asks
 * local servers to bind 127.0.0.1, and several MCP CVEs (MCP Inspector CVE-2025-49596,
 * MCPJam CVE-2026-23744) were unauthenticated listeners on 0.0.0.0.
 */
export const rule: Rule = {
  id: 'bind-all-interfaces',
  meta: {
    category: 'transport',
    scope: 'server',
    defaultSeverity: 'warning',
    description: 'A server listens on all network interfaces (0.0.0.0 / ::), or a container port is published on all interfaces.',
    fixable: true,
    owasp: ['MCP07'],
    threat: "Network-layer attacks: anyone on the same network (café Wi-Fi, office LAN) can call the server's tools directly.",
  },
  checkServer(context, server) {
    const invocation = serverCommands(server).main;
    if (!invocation) return;
    const run = dockerRunOf(invocation);
    const quoteFix = (value: StringValue, start: number, end: number, replacement: string, title: string): FixSpec[] =>
      value.node.value === value.value && (value.node.parent?.type === 'array' || value.node.parent?.type === 'property')
        ? [
            {
              title,
              safe: false,
              preferred: true,
              edits: [
                {
                  offset: value.node.offset,
                  length: value.node.length,
                  content: context.doc.quote(value.value.slice(0, start) + replacement + value.value.slice(end)),
                },
              ],
            },
          ]
        : [];
    if (run) {
      // Inside a container the server must listen on 0.0.0.0; what matters is where the port is published.
      for (const option of dockerOptions(run, '--publish')) {
        if (!option.value || option.clustered) continue;
        // `-p 8080:8080` (value is its own argument) or `--publish=8080:8080` (shares the flag's).
        const holder = option.inline ? option.flag : option.value;
        const base = option.inline ? option.flag.value.length - option.value.value.length : 0;
        const spec = option.value.value.trim();
        const parts = spec.split(':');
        const explicitAll = /^(?:0\.0\.0\.0|\[::\]|::):/.exec(spec);
        if (!explicitAll && !(parts.length === 2 && /^\d+(?:-\d+)?$/.test(parts[0])) && !(parts.length === 1 && /^\d+/.test(parts[0]))) continue;
        const published = parts.length === 1 ? `${spec} (on a random host port)` : spec;
        const lead = option.value.value.indexOf(spec);
        context.report({
          ...valueRange(context.doc, holder, base + lead, base + lead + spec.length),
          server,
          message: `Container port ${shortValue(published, 30)} published on every interface: publish it on loopback only (127.0.0.1:${shortValue(explicitAll ? spec.slice(explicitAll[0].length) : spec, 20)}). Server "${server.name}": anyone on your network can reach it.`,
          fixes: quoteFix(
            holder,
            base + lead,
            base + lead + (explicitAll ? explicitAll[0].length : 0),
            '127.0.0.1:',
            `Publish on 127.0.0.1 only for "${server.name}"`,
          ),
        });
      }
      for (const option of dockerOptions(run, '--publish-all')) {
        if (!isFlagOn(option)) continue;
        context.report({
          node: option.flag.node,
          server,
          message: `Every exposed port published on every interface (${shortValue(option.written, 20)}): publish the one it needs on loopback (-p 127.0.0.1:<port>:<port>). Server "${server.name}": anyone on your network can reach them.`,
        });
      }
      return;
    }
    const args = invocation.args;
    for (let i = 0; i < args.length; i++) {
      const text = args[i].value;
      const eq = text.startsWith('-') ? text.indexOf('=') : -1;
      const flag = eq > 0 ? text.slice(0, eq) : text;
      // Node's inspector (`--inspect=0.0.0.0:9229`): a debugger anyone on the network can use to run code.
      const inspect = /^--inspect(?:-brk|-wait)?$/.test(flag) && eq > 0 ? bindAllPart(text.slice(eq + 1)) : undefined;
      if (inspect) {
        context.report({
          ...valueRange(context.doc, args[i], eq + 1 + inspect.start, eq + 1 + inspect.end),
          server,
          severity: 'error',
          message: `Node's debugger open on every interface (${shortValue(text, 30)}): remove it, or use --inspect=127.0.0.1:<port>. Server "${server.name}": anyone who can reach the port can run code in the server.`,
        });
        continue;
      }
      if (!HOST_FLAGS.test(flag) && !(LISTEN_FLAG.test(flag) && !DESTINATION.test(flag))) continue;
      const target = eq > 0 ? args[i] : args[i + 1];
      if (!target) continue;
      const offset = eq > 0 ? eq + 1 : 0;
      const part = bindAllPart(target.value.slice(offset), /listen|addr|bind/i.test(flag));
      if (!part) continue;
      const start = offset + part.start;
      const end = offset + part.end;
      context.report({
        ...valueRange(context.doc, target, start, end),
        server,
        message: `Listens on every interface (${shortValue(`${flag} ${target.value.slice(start, end)}`, 40)}): bind it to 127.0.0.1. Server "${server.name}": anyone on your network can call its tools.`,
        fixes: quoteFix(target, start, end, '127.0.0.1', `Listen on 127.0.0.1 for "${server.name}"`),
      });
    }
    // The entry's env, and NAME=value words before the program (`env HOST=0.0.0.0 node …`).
    const envs: Array<{ key: string; value: StringValue; start: number }> = [];
    for (const entry of server.env)
      if (entry.value !== undefined && entry.valueNode.type === 'string')
        envs.push({ key: entry.key, value: { value: entry.value, node: entry.valueNode }, start: 0 });
    for (const assignment of allCommands(server).flatMap((c) => c.assignments ?? [])) {
      const eq = assignment.value.indexOf('=');
      envs.push({ key: assignment.value.slice(0, eq), value: assignment, start: eq + 1 });
    }
    for (const { key, value, start: base } of envs) {
      if (!HOST_ENV.test(key) || DESTINATION.test(key)) continue;
      const text = value.value.slice(base);
      const part = bindAllPart(text, /LISTEN|ADDR|BIND/.test(key));
      if (!part) continue;
      context.report({
        ...valueRange(context.doc, value, base + part.start, base + part.end),
        server,
        message: `Listens on every interface (${shortValue(`${key}=${text.trim()}`, 40)}): bind it to 127.0.0.1. Server "${server.name}": anyone on your network can call its tools.`,
        fixes: base === 0 ? quoteFix(value, part.start, part.end, '127.0.0.1', `Listen on 127.0.0.1 for "${server.name}"`) : [],
      });
    }
  },
};
