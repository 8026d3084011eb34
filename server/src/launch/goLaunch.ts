import type { StringValue } from '../core/model';
import type { Invocation } from '../core/invocation';

/** `go run [build flags] <package>[@version] [args]` (and `go install <package>@<version>`, in a shell string). */
export interface GoLaunch {
  /** `go run` or `go install`. */
  launcher?: string;
  value: StringValue;
  /** Module/package path as written, without `@version`. */
  path: string;
  version?: string;
  /**
   * exact: `@v1.2.3` or a pseudo-version; commit: `@<hex>` (Go resolves it to an immutable
   * pseudo-version checked against the checksum database); tag: `@latest`, `@master`, a branch;
   * none: no `@` (the version comes from the working directory's go.mod, if any); local: `./x`, `x.go`.
   */
  kind: 'exact' | 'commit' | 'tag' | 'none' | 'local';
}

// Build flags that consume the next argument.
const WITH_VALUE = new Set([
  '-C',
  '-p',
  '-tags',
  '-ldflags',
  '-gcflags',
  '-asmflags',
  '-mod',
  '-modfile',
  '-overlay',
  '-pkgdir',
  '-exec',
  '-toolexec',
  '-buildmode',
  '-compiler',
  '-covermode',
  '-coverpkg',
  '-pgo',
  '-installsuffix',
  '-gccgoflags',
  '-buildvcs',
]);

export function goLaunchOf(invocation: Invocation): GoLaunch | undefined {
  if (invocation.program !== 'go') return undefined;
  const args = invocation.args;
  const runIndex = args.findIndex((a) => !a.value.startsWith('-'));
  if (runIndex < 0 || (args[runIndex].value !== 'run' && args[runIndex].value !== 'install')) return undefined;
  const launcher = `go ${args[runIndex].value}`;
  for (let i = runIndex + 1; i < args.length; i++) {
    const text = args[i].value;
    if (text.startsWith('-')) {
      if (!text.includes('=') && WITH_VALUE.has(text)) i++;
      continue;
    }
    return { launcher, value: args[i], ...parseGoTarget(text) };
  }
  return undefined;
}

export function parseGoTarget(text: string): Omit<GoLaunch, 'value'> {
  const trimmed = text.trim();
  if (/^(?:\.{1,2}(?:[\\/]|$)|[\\/])/.test(trimmed) || /\.go$/.test(trimmed) || (!trimmed.includes('/') && !trimmed.includes('@'))) {
    return { path: trimmed, kind: 'local' };
  }
  const at = trimmed.lastIndexOf('@');
  if (at < 0) return { path: trimmed, kind: 'none' };
  const path = trimmed.slice(0, at);
  const version = trimmed.slice(at + 1);
  if (/^v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+incompatible)?$/.test(version)) return { path, version, kind: 'exact' };
  if (/^[0-9a-f]{12,40}$/i.test(version)) return { path, version, kind: 'commit' };
  return { path, version, kind: 'tag' };
}
