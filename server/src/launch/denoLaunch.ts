import type { StringValue } from '../core/model';
import { withoutTail, type Invocation } from '../core/invocation';
import { parseNpmSpec, type NpmSpec, type NpmSpecKind } from './npmSpec';

/**
 * `deno run [options] <module> [args]` (also `deno serve`, and `deno x` / `dx`, which run a
 * package binary). The module is a local file, an `npm:` or `jsr:` specifier, or a remote
 * `https://` URL; the last three are fetched and can change unless they name a version.
 */
export interface DenoLaunch {
  launcher: string;
  module?: { value: StringValue; module: DenoModule };
  /** `deno eval <code>` / `deno run -` (code from stdin is not visible). */
  evalCode?: StringValue;
}

export interface DenoModule {
  scheme: 'npm' | 'jsr' | 'https' | 'http' | 'local';
  kind: NpmSpecKind;
  /** Package name for npm:/jsr:; the URL for remote modules. */
  name?: string;
  version?: string;
}

// `deno run` options that consume the next argument when written without `=`.
const WITH_VALUE = new Set([
  '-c',
  '--config',
  '--import-map',
  '--cert',
  '--location',
  '--seed',
  '--ext',
  '--preload',
  '--require',
  '--conditions',
  '--inspect-wait-port',
]);

export function denoLaunchOf(invocation: Invocation): DenoLaunch | undefined {
  let args = invocation.args;
  let launcher: string;
  if (invocation.program === 'dx') {
    launcher = 'dx';
  } else if (invocation.program === 'deno') {
    const index = args.findIndex((a) => !a.value.startsWith('-'));
    if (index < 0) return undefined;
    const sub = args[index].value;
    if (sub === 'eval') {
      const code = args.slice(index + 1).find((a) => !a.value.startsWith('-'));
      return { launcher: 'deno eval', evalCode: code };
    }
    if (!['run', 'serve', 'x'].includes(sub)) {
      // `deno main.ts` is shorthand for `deno run main.ts`.
      if (!/\.(?:[cm]?[jt]sx?)$/i.test(sub) && !/^(?:https?|npm|jsr):/i.test(sub)) return undefined;
      launcher = 'deno';
      args = args.slice(index);
    } else {
      launcher = `deno ${sub}`;
      args = args.slice(index + 1);
    }
  } else {
    return undefined;
  }
  for (let i = 0; i < args.length; i++) {
    const text = args[i].value;
    if (text === '-') return { launcher, evalCode: args[i] };
    if (text === '--') {
      const next = args[i + 1];
      return next ? { launcher, module: { value: next, module: parseDenoModule(next.value) } } : { launcher };
    }
    if (text.startsWith('-')) {
      if (!text.includes('=') && WITH_VALUE.has(text)) i++;
      continue;
    }
    return { launcher, module: { value: args[i], module: parseDenoModule(text, launcher === 'dx' || launcher === 'deno x') } };
  }
  return { launcher };
}

/** Classifies a Deno module specifier. `bare` = `deno x pkg` form, read as an npm/jsr spec. */
export function parseDenoModule(text: string, bare = false): DenoModule {
  const trimmed = text.trim();
  const prefixed = /^(npm|jsr):/i.exec(trimmed);
  if (prefixed || (bare && !/^[a-z]+:\/\//i.test(trimmed) && !/^[.\\/]/.test(trimmed))) {
    const scheme = (prefixed?.[1].toLowerCase() ?? 'npm') as 'npm' | 'jsr';
    // jsr:@std/path@^1.0.0/join — drop a sub-path after the version.
    const body = trimmed.slice(prefixed ? prefixed[0].length : 0).replace(/^\/+/, '');
    const spec: NpmSpec = parseNpmSpec(stripSubpath(body));
    return { scheme, kind: spec.kind === 'git' || spec.kind === 'local' ? 'none' : spec.kind, name: spec.name, version: spec.version };
  }
  const url = /^(https?):\/\//i.exec(trimmed);
  if (url) {
    return { scheme: url[1].toLowerCase() as 'https' | 'http', name: trimmed, ...classifyModuleUrl(trimmed) };
  }
  return { scheme: 'local', kind: 'local' };
}

function stripSubpath(body: string): string {
  const scoped = body.startsWith('@');
  const parts = body.split('/');
  const head = scoped ? parts.slice(0, 2).join('/') : parts[0];
  return head;
}

/**
 * A remote module URL is immutable when it names an exact version (`/x/mod@v1.2.3/`,
 * `esm.sh/pkg@1.2.3`, `jsr.io/@s/p/1.2.3/`), or a full commit (raw.githubusercontent.com/u/r/<sha>/).
 */
export function classifyModuleUrl(url: string): { kind: NpmSpecKind; version?: string } {
  const withoutHost = url.replace(/^https?:\/\/[^/]+/i, '');
  const path = withoutTail(withoutHost, /[?#]/);
  const at = /@(v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)(?:\/|$)/.exec(path);
  if (at) return { kind: 'exact', version: at[1] };
  const atOther = /@([^/]+)(?:\/|$)/.exec(path.replace(/^\/@[^/]+\//, '/'));
  if (atOther) return { kind: /^[\^~]|^\d+(?:\.\d+)?$|x/i.test(atOther[1]) ? 'range' : 'tag', version: atOther[1] };
  const segment = /\/(v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)(?:\/|$)/.exec(path);
  if (segment) return { kind: 'exact', version: segment[1] };
  const commit = /\/([0-9a-f]{40})(?:\/|$)/i.exec(path);
  if (commit) return { kind: 'exact', version: commit[1] };
  return { kind: 'none' };
}
