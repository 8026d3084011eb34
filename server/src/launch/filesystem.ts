import { withoutTrailingSlashes, type Invocation } from '../core/invocation';
import { memoizeByObject, memoizeByString } from '../core/memo';

/**
 * Filesystem servers take their allowed directories as arguments. We recognise them by
 * the package or image name; anything else with a path argument may use it for other
 * purposes (a database file, a log directory) and is left to other rules. Computed once
 * per invocation (several rules and the hover ask).
 */
export const isFilesystemServer = memoizeByObject(function isFilesystemServer(invocation: Invocation): boolean {
  return [invocation.program, ...invocation.args.slice(0, 8).map((a) => a.value)].some((word) => FILESYSTEM_SERVER.test(word.toLowerCase()));
});

const FILESYSTEM_SERVER = /(?:^|[/@_-])(?:server-)?file-?system(?:[-_/@]|$)|mcp-server-filesystem|filesystem-mcp|mcp-filesystem|^mcp\/filesystem/;

const MAYBE_BROAD = /^\s*["']?(?:[/\\~$%]|[a-zA-Z]:)/;

/**
 * Says what a path argument exposes when it is too broad ("the whole disk", "your home
 * directory"), or undefined for a reasonable path.
 */
export function classifyBroadPath(raw: string): string | undefined {
  // Every broad path starts with a slash, ~, a variable or a drive letter: the flags, package
  // names and words that make most arguments are turned away before any copy is made.
  if (!MAYBE_BROAD.test(raw)) return undefined;
  const path = raw.trim().replace(/^["']|["']$/g, '');
  if (path === '') return undefined;
  const unix = withoutTrailingSlashes(path.replace(/\\/g, '/')) || '/';
  if (unix === '/' || unix === '/*' || unix === '/**') return 'the whole disk ("/")';
  if (/^[a-zA-Z]:\/?$/.test(unix) || /^[a-zA-Z]:\/\*+$/.test(unix)) return `the whole drive (${path})`;
  // WSL sees Windows drives under /mnt/<letter>; macOS's startup disk under /Volumes and /System/Volumes/Data.
  if (/^\/mnt\/[a-zA-Z](?:\/\*+)?$/.test(unix)) return `the whole Windows drive (${path})`;
  if (/^\/Volumes\/Macintosh HD$|^\/System\/Volumes\/Data$/i.test(unix)) return `the whole disk (${path})`;
  if (/^\/mnt\/[a-zA-Z]\/Users\/[^/]+$/i.test(unix)) return `a Windows home directory (${path})`;
  if (/^\/mnt\/[a-zA-Z]\/Users$/i.test(unix)) return `every user's home directory (${path})`;
  if (
    /^(?:~|\$HOME|\$\{HOME\}|\$\{userHome\}|\$\{env:HOME\}|\$\{env:USERPROFILE\}|%USERPROFILE%|%HOMEPATH%|%HOMEDRIVE%%HOMEPATH%|\$env:USERPROFILE|\$env:HOME)(?:\/\*+)?$/i.test(
      unix,
    )
  )
    return `your home directory (${path})`;
  if (/^\/(?:Users|home)\/[^/]+$/.test(unix) || unix === '/root' || /^[a-zA-Z]:\/Users\/[^/]+$/i.test(unix)) return `a home directory (${path})`;
  if (/^\/(?:Users|home)$/.test(unix) || /^[a-zA-Z]:\/Users$/i.test(unix)) return `every user's home directory (${path})`;
  return undefined;
}

// Home-directory spellings across shells and clients.
const HOME_PREFIX = String.raw`(?:%HOMEDRIVE%%HOMEPATH%|\$env:HOME|~|\$HOME|\$\{HOME\}|\$\{userHome\}|\$\{env:HOME\}|\$\{env:USERPROFILE\}|%USERPROFILE%|%HOMEPATH%|\$env:USERPROFILE|/Users/[^/]+|/home/[^/]+|/root|[a-zA-Z]:/Users/[^/]+|/mnt/[a-zA-Z]/Users/[^/]+)`;

const CREDENTIAL_DIRS: Array<[RegExp, string]> = [
  [/^\.ssh$/i, 'SSH keys'],
  [/^\.aws$/i, 'AWS credentials'],
  [/^\.gnupg$/i, 'GnuPG keys'],
  [/^\.kube$/i, 'Kubernetes credentials'],
  [/^\.config\/gcloud$/i, 'Google Cloud credentials'],
  [/^\.azure$/i, 'Azure credentials'],
  [/^\.docker$/i, 'Docker registry credentials'],
  [/^\.config\/gh$/i, 'GitHub CLI tokens'],
  [/^\.password-store$/i, 'the password store'],
  [/^library\/keychains$/i, 'the macOS keychains'],
  [/^\.local\/share\/keyrings$/i, 'the desktop keyring'],
  [/^\.(?:npmrc|pypirc|netrc|git-credentials|vault-token|pgpass|my\.cnf|env)$/i, 'a credentials file'],
  [
    /^\.mozilla$|^\.config\/(?:google-chrome|chromium|microsoft-edge|bravesoftware)$|^library\/application support\/(?:google\/chrome|firefox|microsoft edge|bravesoftware)$/i,
    'browser profiles (cookies, saved passwords)',
  ],
  [/^\.terraform\.d$/i, 'Terraform credentials'],
  [/^\.config\/op$|^\.op$/i, '1Password CLI configuration'],
  [/^appdata\/roaming\/microsoft\/(?:credentials|protect)$/i, 'Windows credentials'],
  [/^appdata\/roaming\/gcloud$/i, 'Google Cloud credentials'],
  [/^appdata\/roaming\/github cli$/i, 'GitHub CLI tokens'],
  [/^appdata\/(?:local\/google\/chrome|local\/microsoft\/edge|local\/bravesoftware|roaming\/mozilla)$/i, 'browser profiles (cookies, saved passwords)'],
];

/** Folders that hold credentials among much else: reported only when given whole. */
const CREDENTIAL_PARENTS: Array<[RegExp, string]> = [
  [/^\.config$/i, 'your configuration folder (tokens of gh, gcloud, docker and more)'],
  [/^library$/i, 'your Library folder (keychains, browser cookies)'],
  [/^appdata(?:\/roaming|\/local)?$/i, 'your AppData folder (browser profiles, saved credentials)'],
  [/^library\/application support$/i, 'Application Support (browser profiles, app tokens)'],
  [/^\.local\/share$/i, 'your local data folder (keyrings, app tokens)'],
];

const SYSTEM_DIRS: Array<[RegExp, string]> = [
  [/^\/etc$|^\/private\/etc$/, 'system configuration (/etc)'],
  [/^\/var\/run$|^\/run$/, 'runtime sockets (/var/run)'],
  [/^\/(?:proc|sys|dev|boot)$/, 'the kernel and devices'],
  [/^\/(?:usr|lib|lib64|bin|sbin)$/, 'system binaries'],
  [/^\/var\/lib\/docker$/, "Docker's storage"],
  [/^[a-z]:\/windows(?:\/system32)?$/i, 'the Windows system folder'],
];

export interface SensitivePath {
  /** What it exposes: "SSH keys", "system configuration (/etc)". */
  label: string;
  kind: 'credentials' | 'system';
}

/**
 * Says whether a path is (or is inside) a credential or system directory: `~/.ssh`,
 * `/home/me/.aws/credentials`, `/etc`, `/var/run`. Works on the forms people write in
 * configs (`~`, `$HOME`, `${userHome}`, `%USERPROFILE%`, absolute home paths). Several
 * rules ask it of the same arguments: remembered per text (the answer is shared, read-only).
 */
export const classifySensitivePath = memoizeByString(function classifySensitivePath(raw: string): SensitivePath | undefined {
  const path = withoutTrailingSlashes(
    raw
      .trim()
      .replace(/^["']|["']$/g, '')
      .replace(/\\/g, '/'),
  )
    // Windows profile folders written through their variables.
    .replace(/^(?:%APPDATA%|\$env:APPDATA|\$\{env:APPDATA\})(?=\/|$)/i, '~/AppData/Roaming')
    .replace(/^(?:%LOCALAPPDATA%|\$env:LOCALAPPDATA|\$\{env:LOCALAPPDATA\})(?=\/|$)/i, '~/AppData/Local');
  if (!path) return undefined;
  const home = UNDER_HOME.exec(path);
  if (home) {
    const rest = home[1].replace(/\/+/g, '/');
    const heads = leadingSegments(rest, 1);
    for (const [pattern, label] of CREDENTIAL_DIRS) {
      if (heads.some((head) => pattern.test(head))) return { label: `${label} (${raw.trim()})`, kind: 'credentials' };
    }
    for (const [pattern, label] of CREDENTIAL_PARENTS) if (pattern.test(rest)) return { label: `${label} (${raw.trim()})`, kind: 'credentials' };
    return undefined;
  }
  const heads = leadingSegments(path, 2);
  for (const [pattern, label] of SYSTEM_DIRS) {
    if (heads.some((head) => pattern.test(head))) return { label, kind: 'system' };
  }
  return undefined;
}, 2000);

const UNDER_HOME = new RegExp('^' + HOME_PREFIX + '/(.+)$', 'i');

/** The path's first `from`…4 segments joined (`a`, `a/b`, `a/b/c`, `a/b/c/d` for from = 1), shortest first. */
function leadingSegments(path: string, from: number): string[] {
  const segments = path.split('/');
  const heads: string[] = [];
  for (let n = from; n <= Math.min(4, segments.length); n++) heads.push(segments.slice(0, n).join('/'));
  return heads;
}

/**
 * Wildcards and `..` in an allowed path: either the server expands them (much more than
 * meant) or takes them literally (a broken path); `..` climbs out of the project.
 */
export function classifyPathPattern(raw: string): string | undefined {
  const path = raw.trim().replace(/\\/g, '/');
  if (/(?:^|\/)\.\.(?:\/|$)/.test(path)) return 'a parent-directory traversal (..)';
  if (/\*\*|(?:^|\/)\*(?:\/|$)|\*$/.test(path)) return 'a wildcard';
  return undefined;
}

/** The path arguments of a filesystem server: everything that is not an option or a launcher word. */
export function looksLikePath(value: string): boolean {
  const text = value.trim();
  return /^(?:[/~.]|\$|%|[a-zA-Z]:[\\/]|[a-zA-Z]:$)/.test(text) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(text);
}
