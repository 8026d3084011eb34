import type { Rule } from './types';
import type { FixSpec } from '../engine/types';
import type { StringValue } from '../engine/model';
import { invocationOf } from '../launch/command';
import { dockerOptions, dockerRunOf } from '../launch/docker';
import { valueRange } from '../fixes/nodeEdits';

const ALL = /^(?:0\.0\.0\.0|::|\[::\]|\*|0)$/;
const HOST_FLAGS = /^(?:--host|--bind|--bind-address|--listen|--listen-address|--address|--addr|--http-host|--server-host|--mcp-host|--sse-host|-H|--hostname|--ip|--interface)$/i;
const HOST_ENV = /^(?:[A-Z0-9]+_)*(?:HOST|BIND|BIND_ADDRESS|BIND_HOST|LISTEN|LISTEN_ADDRESS|LISTEN_HOST|SERVER_HOST|ADDR|ADDRESS|HOSTNAME|INTERFACE)$/;

/** `0.0.0.0`, `::` or `*` as a whole value, or as the host of `host:port`. */
function bindAllPart(text: string): { start: number; end: number } | undefined {
  const value = text.trim();
  const lead = text.indexOf(value);
  if (ALL.test(value) && value !== '0' && value !== '*') return { start: lead, end: lead + value.length };
  const match = /^(0\.0\.0\.0|\[::\]|\*):\d+$/.exec(value);
  if (match) return { start: lead, end: lead + match[1].length };
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
    defaultSeverity: 'warning',
    description: 'A server listens on all network interfaces (0.0.0.0 / ::), or a container port is published on all interfaces.',
    fixable: true,
    owasp: ['MCP07'],
    threat: 'Network-layer attacks: anyone on the same network (café Wi-Fi, office LAN) can call the server\'s tools directly.',
  },
  check(context) {
    for (const server of context.config.servers) {
      const invocation = invocationOf(server);
      if (!invocation) continue;
      const run = dockerRunOf(invocation);
      const quoteFix = (value: StringValue, start: number, end: number, replacement: string, title: string): FixSpec[] =>
        value.node.parent?.type === 'array' || value.node.parent?.type === 'property'
          ? [{ title, safe: false, preferred: true, edits: [{ offset: value.node.offset, length: value.node.length, content: context.doc.quote(value.value.slice(0, start) + replacement + value.value.slice(end)) }] }]
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
            message: `Server "${server.name}" publishes container port ${published} on every network interface: anyone on your network can reach it. Publish it on loopback only (127.0.0.1:${explicitAll ? spec.slice(explicitAll[0].length) : spec}).`,
            fixes: quoteFix(holder, base + lead, base + lead + (explicitAll ? explicitAll[0].length : 0), '127.0.0.1:', `Publish on 127.0.0.1 only for "${server.name}"`),
          });
        }
        continue;
      }
      const args = invocation.args;
      for (let i = 0; i < args.length; i++) {
        const text = args[i].value;
        const eq = text.startsWith('-') ? text.indexOf('=') : -1;
        const flag = eq > 0 ? text.slice(0, eq) : text;
        if (!HOST_FLAGS.test(flag)) continue;
        const target = eq > 0 ? args[i] : args[i + 1];
        if (!target) continue;
        const offset = eq > 0 ? eq + 1 : 0;
        const part = bindAllPart(target.value.slice(offset));
        if (!part) continue;
        const start = offset + part.start;
        const end = offset + part.end;
        context.report({
          ...valueRange(context.doc, target, start, end),
          server,
          message: `Server "${server.name}" listens on every network interface (${flag} ${target.value.slice(start, end)}): anyone on your network can call its tools. Bind it to 127.0.0.1.`,
          fixes: quoteFix(target, start, end, '127.0.0.1', `Listen on 127.0.0.1 for "${server.name}"`),
        });
      }
      for (const entry of server.env) {
        if (!HOST_ENV.test(entry.key) || entry.value === undefined || entry.valueNode.type !== 'string') continue;
        const part = bindAllPart(entry.value);
        if (!part) continue;
        const value = { value: entry.value, node: entry.valueNode };
        context.report({
          ...valueRange(context.doc, { value: entry.value, node: entry.valueNode }, part.start, part.end),
          server,
          message: `Server "${server.name}" listens on every network interface (${entry.key}=${entry.value.trim()}): anyone on your network can call its tools. Bind it to 127.0.0.1.`,
          fixes: quoteFix(value, part.start, part.end, '127.0.0.1', `Listen on 127.0.0.1 for "${server.name}"`),
        });
      }
    }
  },
};
