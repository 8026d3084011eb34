import type { ServerEntry, StringValue } from '../core/model';
import type { TreeNode } from '../core/tree';
import { invocationOf } from '../core/invocation';
import { memoizeByObject } from '../core/memo';
import { isCredentialFlag, isCredentialHeader, isSecretKeyName } from './keyNames';

/**
 * Every place of a server entry where a credential can be written, with the name it is
 * stored under. The secret rules share this walk so that each value is examined once per
 * rule and the rules agree on what an argument means (`--api-key x`, `-e NAME=value`,
 * `--header "Authorization: Bearer x"`).
 */
export interface SecretSite {
  where: 'env' | 'header' | 'arg' | 'url';
  server: ServerEntry;
  /** Env key, header name, flag name (without dashes), `-e` variable name. */
  key?: string;
  /** How messages name the position: `env "GITHUB_TOKEN"`, `argument --api-key`. */
  position: string;
  /** The text to examine (decoded). */
  value: string;
  /** Where `value` starts inside the node's decoded string. */
  offset: number;
  node: TreeNode;
  /** Only credentials go here (Authorization, `--api-key`, cookies). */
  credential: boolean;
  /** For arguments: what kind of argument it is. */
  argKind?: 'flag' | 'docker-env' | 'header' | 'assignment' | 'positional';
}

const SHELL_ASSIGNMENT = /(?:^|[\s;&(])(?:export\s+|set\s+)?([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|[^\s;&|)]+)/g;
const DOCKER_LIKE = new Set(['docker', 'podman', 'nerdctl', 'finch']);
const HEADER_FLAGS = new Set(['--header', '-H', '--headers', '--http-header']);

export function envSites(server: ServerEntry): SecretSite[] {
  const sites: SecretSite[] = [];
  for (const entry of server.env) {
    if (entry.value === undefined || entry.valueNode.type !== 'string') continue;
    sites.push({
      where: 'env',
      server,
      key: entry.key,
      position: `env "${entry.key}"`,
      value: entry.value,
      offset: 0,
      node: entry.valueNode,
      credential: false,
    });
  }
  return sites;
}

export function headerSites(server: ServerEntry): SecretSite[] {
  const sites: SecretSite[] = [];
  for (const entry of server.headers) {
    if (entry.value === undefined || entry.valueNode.type !== 'string') continue;
    sites.push({
      where: 'header',
      server,
      key: entry.key,
      position: `header "${entry.key}"`,
      value: entry.value,
      offset: 0,
      node: entry.valueNode,
      credential: isCredentialHeader(entry.key),
    });
  }
  return sites;
}

export function urlSites(server: ServerEntry): SecretSite[] {
  return server.url ? [{ where: 'url', server, position: 'url', value: server.url.value, offset: 0, node: server.url.node, credential: false }] : [];
}

/** Where a split piece of the command string starts inside its node's value. */
function pieceOffset(arg: StringValue, searchFrom: Map<TreeNode, number>): number {
  const whole = arg.node.type === 'string' ? (arg.node.value as string) : arg.value;
  if (whole === arg.value) return 0;
  const from = searchFrom.get(arg.node) ?? 0;
  const at = whole.indexOf(arg.value, from);
  if (at < 0) return 0;
  searchFrom.set(arg.node, at + arg.value.length);
  return at;
}

/** The argument sites of a server, computed once per analysis and shared by the rules. */
export const argSites = memoizeByObject(computeArgSites);

function computeArgSites(server: ServerEntry): SecretSite[] {
  const invocation = invocationOf(server);
  const args = invocation ? invocation.args : server.args;
  const program = invocation?.program ?? '';
  const dockerLike = DOCKER_LIKE.has(program);
  const sites: SecretSite[] = [];
  let offsets: number[];
  if (args.some((arg) => arg.node.value !== arg.value && arg.node.type === 'string')) {
    const cursor = new Map<TreeNode, number>();
    offsets = args.map((arg) => pieceOffset(arg, cursor));
  } else {
    offsets = args.map(() => 0);
  }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = arg.value;
    const base = offsets[i];
    const push = (site: Omit<SecretSite, 'server' | 'where' | 'node'>, on: StringValue = arg) => sites.push({ where: 'arg', server, node: on.node, ...site });
    // Most arguments are plain words, paths and package names: no flag, no '=', no shell line.
    if (value.charCodeAt(0) !== 45 /* - */ && !value.includes('=') && !/\s/.test(value)) {
      push({ position: `argument ${i + 1}`, value, offset: base, credential: false, argKind: 'positional' });
      continue;
    }
    const next = args[i + 1];
    const nextBase = offsets[i + 1] ?? 0;
    // -e NAME=value / --env NAME=value / --env=NAME=value (docker, podman...)
    if ((value === '-e' && dockerLike) || value === '--env') {
      if (next && /^[A-Za-z_][\w.-]*=/.test(next.value)) {
        const eq = next.value.indexOf('=');
        push(
          {
            key: next.value.slice(0, eq),
            position: `argument -e ${next.value.slice(0, eq)}`,
            value: next.value.slice(eq + 1),
            offset: nextBase + eq + 1,
            credential: false,
            argKind: 'docker-env',
          },
          next,
        );
        i++;
      }
      continue;
    }
    const envEq = /^(?:--env=|-e(?=[A-Za-z_]))([A-Za-z_][\w.-]*)=/.exec(value);
    if (envEq && (dockerLike || value.startsWith('--env='))) {
      push({
        key: envEq[1],
        position: `argument -e ${envEq[1]}`,
        value: value.slice(envEq[0].length),
        offset: base + envEq[0].length,
        credential: false,
        argKind: 'docker-env',
      });
      continue;
    }
    // --header "Name: value" (mcp-remote, supergateway, curl-like bridges)
    const headerEq = /^(--header|--headers|-H)=/.exec(value);
    if (HEADER_FLAGS.has(value) || headerEq) {
      const target = headerEq ? arg : next;
      const targetBase = headerEq ? base + headerEq[0].length : nextBase;
      const text = headerEq ? value.slice(headerEq[0].length) : next?.value;
      if (target && text !== undefined) {
        const colon = text.indexOf(':');
        if (colon > 0 && /^[A-Za-z0-9-_]+$/.test(text.slice(0, colon).trim())) {
          const name = text.slice(0, colon).trim();
          const rest = text.slice(colon + 1);
          const lead = rest.length - rest.trimStart().length;
          push(
            {
              key: name,
              position: `argument --header "${name}"`,
              value: rest.trimStart(),
              offset: targetBase + colon + 1 + lead,
              credential: isCredentialHeader(name),
              argKind: 'header',
            },
            target,
          );
        } else {
          push({ position: 'argument --header', value: text, offset: targetBase, credential: false, argKind: 'positional' }, target);
        }
        if (!headerEq) i++;
      }
      continue;
    }
    // --api-key=x / --token x
    const flag = /^(--?)([A-Za-z][\w.-]*)(?:=([\s\S]*))?$/.exec(value);
    if (flag) {
      const name = flag[2];
      const credential = isCredentialFlag(name);
      if (flag[3] !== undefined) {
        push({
          key: name,
          position: `argument ${flag[1]}${name}`,
          value: flag[3],
          offset: base + flag[1].length + name.length + 1,
          credential,
          argKind: 'flag',
        });
      } else if (credential && next && !/^-/.test(next.value)) {
        push({ key: name, position: `argument ${flag[1]}${name}`, value: next.value, offset: nextBase, credential: true, argKind: 'flag' }, next);
        i++;
      }
      continue;
    }
    // NAME=value assignments (`env NAME=value cmd`, servers reading key=value args)
    const assignment = /^([A-Za-z_][A-Za-z0-9_.-]*)=/.exec(value);
    if (assignment && !/\s/.test(value)) {
      push({
        key: assignment[1],
        position: `argument ${assignment[1]}=`,
        value: value.slice(assignment[0].length),
        offset: base + assignment[0].length,
        credential: isSecretKeyName(assignment[1]),
        argKind: 'assignment',
      });
      continue;
    }
    if (/\s/.test(value)) {
      // A shell line (`sh -c "API_KEY=... npx ..."`, `cmd /c "set TOKEN=... && ..."`): its
      // assignments are judged by their names; the whole line is still searched for known formats.
      SHELL_ASSIGNMENT.lastIndex = 0;
      for (let m = SHELL_ASSIGNMENT.exec(value); m; m = SHELL_ASSIGNMENT.exec(value)) {
        let text = m[2];
        let start = m.index + m[0].length - m[2].length;
        if (/^(["']).*\1$/.test(text)) {
          text = text.slice(1, -1);
          start += 1;
        }
        push({
          key: m[1],
          position: `argument ${i + 1} (${m[1]}=)`,
          value: text,
          offset: base + start,
          credential: isSecretKeyName(m[1]),
          argKind: 'assignment',
        });
      }
    }
    push({ position: `argument ${i + 1}`, value, offset: base, credential: false, argKind: 'positional' });
  }
  return sites;
}

/** All sites of a server: env, headers, args and url. */
export const allSites = memoizeByObject(function allSites(server: ServerEntry): SecretSite[] {
  return [...envSites(server), ...headerSites(server), ...argSites(server), ...urlSites(server)];
});
