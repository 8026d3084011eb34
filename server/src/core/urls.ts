/**
 * Lenient URL reading: config values may hold variable references (`https://${HOST}/mcp`)
 * that the WHATWG parser rejects, and we still want scheme, userinfo, host and query.
 */
export interface LooseUrl {
  scheme: string;
  /** Offset of userinfo within the string, when present (`user:pass@`). */
  userinfo?: { start: number; end: number; user: string; password?: string };
  host: string;
  hostStart: number;
  port?: string;
  path: string;
  query: Array<{ key: string; value: string; valueStart: number; valueEnd: number }>;
}

const URL_PATTERN = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/(?:([^@/?#]*)@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d*))?([^?#]*)(?:\?([^#]*))?/;

export function parseUrlLoosely(text: string): LooseUrl | undefined {
  const match = URL_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const leading = text.length - text.trimStart().length;
  const scheme = match[1].toLowerCase();
  const result: LooseUrl = { scheme, host: (match[3] ?? '').toLowerCase(), hostStart: 0, port: match[4], path: match[5] ?? '', query: [] };
  let cursor = leading + match[1].length + 3;
  if (match[2] !== undefined) {
    const colon = match[2].indexOf(':');
    result.userinfo = {
      start: cursor,
      end: cursor + match[2].length,
      user: colon < 0 ? match[2] : match[2].slice(0, colon),
      password: colon < 0 ? undefined : match[2].slice(colon + 1),
    };
    cursor += match[2].length + 1;
  }
  result.hostStart = cursor;
  if (match[6] !== undefined) {
    let offset = leading + match[0].length - match[6].length;
    for (const pair of match[6].split('&')) {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      const value = eq < 0 ? '' : pair.slice(eq + 1);
      const valueStart = offset + (eq < 0 ? pair.length : eq + 1);
      result.query.push({ key: safeDecode(key), value: safeDecode(value), valueStart, valueEnd: offset + pair.length });
      offset += pair.length + 1;
    }
  }
  return result;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** localhost, 127.0.0.0/8, ::1 and *.localhost never leave the machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(bare) || bare === '::1' || bare === '0:0:0:0:0:0:0:1';
}

/**
 * Destinations that are this machine although they are not loopback names: the unspecified
 * address (a client connecting to 0.0.0.0 or [::] reaches the local host), the hosts-file
 * names of loopback (`localhost.localdomain`, `ip6-localhost`) and the names
 * Docker and Podman give the host (`host.docker.internal`, `host.containers.internal`,
 * `gateway.docker.internal`), whose traffic stays on the machine's virtual network.
 */
export function isLocalDestination(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    bare === '0.0.0.0' ||
    bare === '::' ||
    bare === 'localhost.localdomain' ||
    bare === 'ip6-localhost' ||
    bare === 'ip6-loopback' ||
    /^(?:host\.docker|host\.containers|gateway\.docker|host\.lima|host\.rancher-desktop)\.internal$/.test(bare)
  );
}
