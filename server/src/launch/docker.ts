import type { StringValue } from '../core/model';
import type { TreeNode } from '../core/tree';
import type { Invocation } from '../core/invocation';
import { memoizeByObject } from '../core/memo';
import { lookupTable } from '../core/lookupTable';

/**
 * A container started by `docker run`, `docker container run`, `podman run` or `nerdctl run`,
 * read from a stdio server's command line. Permission rules read the options (mounts,
 * namespaces, capabilities); supply-chain rules read the image; the secrets rules read
 * `-e NAME=value`. Nothing here judges: it only says what was written and where.
 */
export interface DockerRun {
  /** The container engine: `docker`, `podman` or `nerdctl`. */
  engine: string;
  /** The `run` argument (for `docker container run`, the `run` after `container`). */
  subcommand: StringValue;
  /** Options of `run`, in order, before the image. */
  options: DockerOption[];
  /** The image; undefined when the command line ends before naming one. */
  image?: DockerImage;
  /** Arguments after the image: the image's own command / arguments. */
  imageArgs: StringValue[];
  /** The invocation's arguments the indexes refer to. */
  args: StringValue[];
}

export interface DockerOption {
  /**
   * Canonical long name: `--volume` for `-v`, `--network` for `--net`, `--interactive` for
   * the `i` of `-it`. Rules match on this.
   */
  name: string;
  /** The option as written: `-v`, `--volume`, `--net`, or `-i` for the `i` inside `-it`. */
  written: string;
  /** The argument that holds the flag (for `-it`, both options share it). */
  flag: StringValue;
  /**
   * The option's value, when it has one: the next argument (`-v a:b`), or the text after
   * `=` / after the short letter (`--volume=a:b`, `-ea=b`) sharing the flag's node.
   * Boolean flags only have a value when written `--privileged=true|false`.
   */
  value?: StringValue;
  /** The value sits inside the flag's own argument (`--opt=value`, `-eX=1`). */
  inline: boolean;
  /** The flag's argument holds more than this option (combined short flags such as `-it`). */
  clustered: boolean;
  /** Index in `Invocation.args` of the flag's argument (and `valueIndex` of a separate value). */
  index: number;
  valueIndex?: number;
}

export interface DockerImage {
  value: StringValue;
  /** The reference as written, e.g. `ghcr.io/acme/mcp:1.2@sha256:...`. */
  reference: string;
  /** Registry host when the reference names one (`ghcr.io`, `localhost:5000`); undefined = Docker Hub. */
  registry?: string;
  /** Path without registry, tag and digest (`acme/mcp`, `mcp/github`, `alpine`). */
  repository: string;
  tag?: string;
  /** `sha256:...` after `@`. */
  digest?: string;
  /** Index in `Invocation.args`. */
  index: number;
}

const ENGINES = new Set(['docker', 'podman', 'nerdctl']);

// Global options of the engine itself (before `run`) that take a value.
const GLOBAL_OPTIONS_WITH_VALUE = new Set([
  '-c',
  '--context',
  '-H',
  '--host',
  '--config',
  '-l',
  '--log-level',
  '--tlscacert',
  '--tlscert',
  '--tlskey',
  '--connection',
  '--url',
  '--identity',
  '--root',
  '--runroot',
  '--storage-driver',
  '--storage-opt',
  '--cgroup-manager',
  '--events-backend',
  '--network-cmd-path',
  '--runtime',
  '--tmpdir',
  '--namespace',
  '-n',
  '--address',
  '-a',
]);

const SHORT_ALIASES = lookupTable<string>({
  '-e': '--env',
  '-v': '--volume',
  '-p': '--publish',
  '-u': '--user',
  '-w': '--workdir',
  '-h': '--hostname',
  '-l': '--label',
  '-m': '--memory',
  '-c': '--cpu-shares',
  '-a': '--attach',
  '-i': '--interactive',
  '-t': '--tty',
  '-d': '--detach',
  '-P': '--publish-all',
  '-q': '--quiet',
});

const LONG_ALIASES = lookupTable<string>({
  '--net': '--network',
  '--net-alias': '--network-alias',
  '--dns-opt': '--dns-option',
});

// `docker run` / `podman run` options that consume a value (canonical long names).
const OPTIONS_WITH_VALUE = new Set([
  // docker run
  '--add-host',
  '--annotation',
  '--attach',
  '--blkio-weight',
  '--blkio-weight-device',
  '--cap-add',
  '--cap-drop',
  '--cgroup-parent',
  '--cgroupns',
  '--cidfile',
  '--cpu-count',
  '--cpu-percent',
  '--cpu-period',
  '--cpu-quota',
  '--cpu-rt-period',
  '--cpu-rt-runtime',
  '--cpu-shares',
  '--cpus',
  '--cpuset-cpus',
  '--cpuset-mems',
  '--detach-keys',
  '--device',
  '--device-cgroup-rule',
  '--device-read-bps',
  '--device-read-iops',
  '--device-write-bps',
  '--device-write-iops',
  '--dns',
  '--dns-option',
  '--dns-search',
  '--domainname',
  '--entrypoint',
  '--env',
  '--env-file',
  '--expose',
  '--gpus',
  '--group-add',
  '--health-cmd',
  '--health-interval',
  '--health-retries',
  '--health-start-period',
  '--health-start-interval',
  '--health-timeout',
  '--hostname',
  '--ip',
  '--ip6',
  '--ipc',
  '--isolation',
  '--kernel-memory',
  '--label',
  '--label-file',
  '--link',
  '--link-local-ip',
  '--log-driver',
  '--log-opt',
  '--mac-address',
  '--memory',
  '--memory-reservation',
  '--memory-swap',
  '--memory-swappiness',
  '--mount',
  '--name',
  '--network',
  '--network-alias',
  '--oom-score-adj',
  '--pid',
  '--pids-limit',
  '--platform',
  '--publish',
  '--pull',
  '--restart',
  '--runtime',
  '--security-opt',
  '--shm-size',
  '--stop-signal',
  '--stop-timeout',
  '--storage-opt',
  '--sysctl',
  '--tmpfs',
  '--ulimit',
  '--user',
  '--userns',
  '--uts',
  '--volume',
  '--volume-driver',
  '--volumes-from',
  '--workdir',
  // podman run extras
  '--arch',
  '--os',
  '--variant',
  '--authfile',
  '--cert-dir',
  '--cgroups',
  '--chrootdirs',
  '--conmon-pidfile',
  '--creds',
  '--decryption-key',
  '--env-merge',
  '--gidmap',
  '--uidmap',
  '--subuidname',
  '--subgidname',
  '--hostuser',
  '--init-path',
  '--passwd-entry',
  '--group-entry',
  '--personality',
  '--pod',
  '--pod-id-file',
  '--preserve-fd',
  '--preserve-fds',
  '--requires',
  '--sdnotify',
  '--seccomp-policy',
  '--secret',
  '--timeout',
  '--tz',
  '--umask',
  '--unsetenv',
  '--image-volume',
  '--health-on-failure',
  '--retry',
  '--retry-delay',
  '--rdt-class',
  '--shm-size-systemd',
  '--pidfile',
  '--systemd',
  '--mount',
  '--hooks-dir',
  '--log-opt',
]);

/** Canonical long name of an option as written (`-v` -> `--volume`, `--net` -> `--network`). */
export function canonicalDockerOption(written: string): string {
  return SHORT_ALIASES[written] ?? LONG_ALIASES[written] ?? written;
}

/**
 * Reads `docker run ...` (and the podman / nerdctl / `container run` spellings) from an
 * invocation; undefined for anything else (`docker exec`, `docker compose`, other programs).
 */
export const dockerRunOf = memoizeByObject(function dockerRunOf(invocation: Invocation): DockerRun | undefined {
  if (!ENGINES.has(invocation.program)) return undefined;
  const args = invocation.args;
  let i = 0;
  // Global options before the subcommand.
  while (i < args.length && args[i].value.startsWith('-')) {
    const text = args[i].value;
    i += !text.includes('=') && GLOBAL_OPTIONS_WITH_VALUE.has(text) ? 2 : 1;
  }
  if (i < args.length && args[i].value === 'container') i++;
  if (i >= args.length || args[i].value !== 'run') return undefined;
  const run: DockerRun = { engine: invocation.program, subcommand: args[i], options: [], imageArgs: [], args };
  i++;
  for (; i < args.length; i++) {
    const arg = args[i];
    const text = arg.value;
    if (text === '--') {
      i++;
      break;
    }
    if (!text.startsWith('-') || text === '-') break;
    if (text.startsWith('--')) {
      const eq = text.indexOf('=');
      const written = eq < 0 ? text : text.slice(0, eq);
      const name = canonicalDockerOption(written);
      const option: DockerOption = { name, written, flag: arg, inline: eq >= 0, clustered: false, index: i };
      if (eq >= 0) {
        option.value = { value: text.slice(eq + 1), node: arg.node };
      } else if (OPTIONS_WITH_VALUE.has(name) && i + 1 < args.length) {
        option.value = args[i + 1];
        option.valueIndex = i + 1;
        i++;
      }
      run.options.push(option);
      continue;
    }
    // Short flags, possibly combined (`-it`, `-itd`, `-ti`, `-eKEY=v`, `-itv /a:/b`).
    const letters = text.slice(1);
    for (let k = 0; k < letters.length; k++) {
      const written = '-' + letters[k];
      const name = canonicalDockerOption(written);
      const option: DockerOption = { name, written, flag: arg, inline: false, clustered: letters.length > 1, index: i };
      run.options.push(option);
      if (!OPTIONS_WITH_VALUE.has(name)) continue;
      const rest = letters.slice(k + 1);
      if (rest.length > 0) {
        option.value = { value: rest.startsWith('=') ? rest.slice(1) : rest, node: arg.node };
        option.inline = true;
      } else if (i + 1 < args.length) {
        option.value = args[i + 1];
        option.valueIndex = i + 1;
        i++;
      }
      break;
    }
  }
  if (i < args.length) {
    run.image = { ...parseImageReference(args[i].value), value: args[i], index: i };
    run.imageArgs = args.slice(i + 1);
  }
  return run;
});

// `exec` options that take a value (docker, podman, nerdctl); the others are flags.
const EXEC_OPTIONS_WITH_VALUE = new Set(['-e', '--env', '--env-file', '-w', '--workdir', '-u', '--user', '--detach-keys', '--preserve-fds', '--preserve-fd']);

/**
 * The command line a container engine runs inside a container, as the words of the
 * invocation (so findings point at them): `docker|podman|nerdctl [container] exec [opts]
 * <container> cmd…`, `docker run [opts] <image> cmd…` and `kubectl|oc exec [opts] <pod> --
 * cmd…`. After an image, words that start with `-` are the image entrypoint's options, not
 * a command: undefined then, as for anything else.
 */
export const containerCommandOf = memoizeByObject(function containerCommandOf(invocation: Invocation): StringValue[] | undefined {
  const { program, args } = invocation;
  if (program === 'kubectl' || program === 'oc') {
    // Only the `--` form: `kubectl exec pod cmd` without it is gone from kubectl.
    const exec = args.findIndex((a) => a.value === 'exec');
    const dashes = args.findIndex((a) => a.value === '--');
    return exec >= 0 && dashes > exec && dashes + 1 < args.length ? args.slice(dashes + 1) : undefined;
  }
  const run = dockerRunOf(invocation);
  if (run) return run.imageArgs.length && !run.imageArgs[0].value.startsWith('-') ? run.imageArgs : undefined;
  if (!ENGINES.has(program)) return undefined;
  let i = 0;
  while (i < args.length && args[i].value.startsWith('-')) {
    const text = args[i].value;
    i += !text.includes('=') && GLOBAL_OPTIONS_WITH_VALUE.has(text) ? 2 : 1;
  }
  if (i < args.length && args[i].value === 'container') i++;
  if (i >= args.length || args[i].value !== 'exec') return undefined;
  // podman exec --latest names no container: the command follows the options.
  let container = true;
  for (i++; i < args.length; i++) {
    const text = args[i].value;
    if (text === '--') {
      i++;
      break;
    }
    if (!text.startsWith('-') || text === '-') break;
    if (program === 'podman' && (text === '-l' || text === '--latest')) container = false;
    if (text.startsWith('--')) {
      if (!text.includes('=') && EXEC_OPTIONS_WITH_VALUE.has(text)) i++;
      continue;
    }
    // Short flags, possibly combined (`-it`, `-ie`, `-eNAME=v`): a value letter takes the rest, or the next word.
    const letters = text.slice(1);
    const valueLetter = [...letters].findIndex((letter) => EXEC_OPTIONS_WITH_VALUE.has('-' + letter));
    if (valueLetter === letters.length - 1) i++;
  }
  if (container) i++;
  return i < args.length ? args.slice(i) : undefined;
});

/** Splits `registry/repository:tag@digest`. The registry is the first component when it looks like a host. */
export function parseImageReference(reference: string): Omit<DockerImage, 'value' | 'index'> {
  let rest = reference.trim();
  const result: Omit<DockerImage, 'value' | 'index'> = { reference, repository: '' };
  const at = rest.indexOf('@');
  if (at >= 0) {
    result.digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      result.registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  const colon = rest.lastIndexOf(':');
  if (colon >= 0 && colon > rest.lastIndexOf('/')) {
    result.tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  result.repository = rest;
  return result;
}

/** All options with this canonical name (`--volume` finds `-v` too). */
export function dockerOptions(run: DockerRun, name: string): DockerOption[] {
  return run.options.filter((o) => o.name === name);
}

/**
 * A boolean flag is on when present without a value or with a true-ish one
 * (`--privileged`, `--privileged=true`); `--privileged=false` is off.
 */
export function isFlagOn(option: DockerOption): boolean {
  if (!option.value || !option.inline) return true;
  return !/^(?:false|0|no)$/i.test(option.value.value.trim());
}

/**
 * Reads a `-v` / `--volume` value or a `--mount` value into host source and container
 * target. Named volumes (no `/`, `~`, `.` or drive letter at the start) have `named: true`.
 */
export interface DockerMount {
  source: string;
  target: string;
  readOnly: boolean;
  /** `type=volume`/`tmpfs` mounts and named volumes: not a host path. */
  named: boolean;
}

export function parseDockerMount(option: DockerOption): DockerMount | undefined {
  if (!option.value) return undefined;
  const text = option.value.value.trim();
  if (option.name === '--mount') {
    const fields = new Map<string, string>();
    for (const part of text.split(',')) {
      const eq = part.indexOf('=');
      fields.set((eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase(), eq < 0 ? 'true' : part.slice(eq + 1).trim());
    }
    const type = fields.get('type') ?? 'volume';
    const source = fields.get('source') ?? fields.get('src') ?? '';
    const target = fields.get('target') ?? fields.get('destination') ?? fields.get('dst') ?? '';
    const ro = fields.get('readonly') ?? fields.get('ro');
    return { source, target, readOnly: ro !== undefined && ro !== 'false' && ro !== '0', named: type !== 'bind' };
  }
  if (option.name !== '--volume') return undefined;
  // Windows sources keep their drive colon: C:\x:/y:ro.
  const drive = /^[a-zA-Z]:[\\/]/.test(text) ? 2 : 0;
  const parts = text.slice(drive).split(':');
  const source = text.slice(0, drive) + parts[0];
  if (parts.length === 1) return { source: '', target: source, readOnly: false, named: true };
  const target = parts[1];
  const mode = parts.slice(2).join(':');
  const readOnly = mode.split(',').some((m) => m === 'ro' || m === 'readonly');
  const named = !/^(?:[/~.$%]|[a-zA-Z]:)/.test(source);
  return { source, target, readOnly, named };
}

/**
 * The array elements to delete to drop an option cleanly: the flag, plus its value when it
 * is a separate argument. Undefined when the option cannot be removed on its own: it shares
 * its argument with other options (`-itv`) or the command line is one string.
 */
export function removableOptionNodes(run: DockerRun, option: DockerOption): TreeNode[] | undefined {
  if (option.clustered) return undefined;
  const nodes = [option.flag.node];
  if (option.valueIndex !== undefined && option.value) nodes.push(option.value.node);
  for (const node of nodes) {
    if (node.parent?.type !== 'array') return undefined;
    if (run.args.filter((a) => a.node === node).length !== 1) return undefined;
  }
  return nodes;
}
