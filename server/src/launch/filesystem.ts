import type { Invocation } from './command';

/**
 * Filesystem servers take their allowed directories as arguments. We recognise them by
 * the package or image name; anything else with a path argument may use it for other
 * purposes (a database file, a log directory) and is left to other rules.
 */
export function isFilesystemServer(invocation: Invocation): boolean {
  const words = [invocation.program, ...invocation.args.slice(0, 8).map((a) => a.value.toLowerCase())];
  return words.some((word) => /(?:^|[/@_-])(?:server-)?file-?system(?:[-_/@]|$)|mcp-server-filesystem|filesystem-mcp|mcp-filesystem|^mcp\/filesystem/.test(word.toLowerCase()));
}

/**
 * Says what a path argument exposes when it is too broad ("the whole disk", "your home
 * directory"), or undefined for a reasonable path.
 */
export function classifyBroadPath(raw: string): string | undefined {
  const path = raw.trim().replace(/^["']|["']$/g, '');
  if (path === '') return undefined;
  const unix = path.replace(/\\/g, '/').replace(/\/+$/, '') || '/';
  if (unix === '/' || unix === '/*' || unix === '/**') return 'the whole disk ("/")';
  if (/^[a-zA-Z]:\/?$/.test(unix) || /^[a-zA-Z]:\/\*+$/.test(unix)) return `the whole drive (${path})`;
  if (/^(?:~|\$HOME|\$\{HOME\}|\$\{userHome\}|\$\{env:HOME\}|\$\{env:USERPROFILE\}|%USERPROFILE%|%HOMEPATH%|\$env:USERPROFILE)(?:\/\*+)?$/i.test(unix)) return `your home directory (${path})`;
  if (/^\/(?:Users|home)\/[^/]+$/.test(unix) || unix === '/root' || /^[a-zA-Z]:\/Users\/[^/]+$/i.test(unix)) return `a home directory (${path})`;
  if (/^\/(?:Users|home)$/.test(unix) || /^[a-zA-Z]:\/Users$/i.test(unix)) return `every user's home directory (${path})`;
  return undefined;
}
