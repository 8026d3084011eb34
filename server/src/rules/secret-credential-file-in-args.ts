import type { Rule } from '../core/rule';
import { invocationOf } from '../core/invocation';

interface CredentialFile {
  test: RegExp;
  what: string;
  severity: 'warning' | 'information';
}

/**
 * File names that hold credentials (ours: context data). Matched against the last path
 * segment or a tail of the path, after `~`, variables and Windows separators are normalised.
 */
const CREDENTIAL_FILES: readonly CredentialFile[] = [
  { test: /(?:^|\/)id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/i, what: 'an SSH private key', severity: 'warning' },
  { test: /\.(?:pem|key|p12|pfx|jks|keystore|ppk|p8)$/i, what: 'a private key or certificate store', severity: 'warning' },
  { test: /(?:^|\/)\.aws\/(?:credentials|config)$/i, what: 'your AWS credentials file', severity: 'warning' },
  {
    test: /(?:^|\/)(?:application_default_credentials|credentials|client_secrets?(?:_[\w.-]+)?|service[-_]?account[\w.-]*|[\w.-]*-sa-key|token)\.json$/i,
    what: 'a cloud or OAuth credentials file',
    severity: 'warning',
  },
  { test: /(?:^|\/)\.(?:netrc|pgpass|git-credentials|npmrc|pypirc|my\.cnf)$/i, what: 'a file of stored passwords or tokens', severity: 'warning' },
  {
    test: /(?:^|\/)\.docker\/config\.json$|(?:^|\/)\.kube\/config$|(?:^|\/)kubeconfig(?:\.ya?ml)?$/i,
    what: 'a credentials configuration (Docker or Kubernetes)',
    severity: 'warning',
  },
  {
    test: /(?:^|\/)\.env(?:\.(?!example$|sample$|template$|dist$|defaults$)[\w-]+)?$/i,
    what: 'a .env file (every secret in it, not only the ones this server needs)',
    severity: 'information',
  },
];

/** Credential directories worth naming when mounted into a container. */
const CREDENTIAL_DIRS: readonly CredentialFile[] = [
  { test: /(?:^|\/)\.(?:ssh|aws|gnupg|kube|azure|docker)\/?$/i, what: 'a directory of credentials', severity: 'warning' },
  { test: /(?:^|\/)\.config\/gcloud\/?$/i, what: 'your Google Cloud credentials directory', severity: 'warning' },
];

/**
 * A server is handed a file of credentials on its command line: an SSH or TLS private key,
 * cloud credentials (`credentials.json`, `~/.aws/credentials`), `.netrc`/`.pgpass`, a
 * `.env` file, or such a file or directory mounted into its container. The server reads
 * everything in the file, usually far more than it needs.
 */
export const rule: Rule = {
  id: 'secret-credential-file-in-args',
  meta: {
    category: 'secret',
    scope: 'server',
    defaultSeverity: 'warning',
    description: 'A credential file (private key, cloud credentials, .netrc, .env) passed to a server as an argument or container mount.',
    fixable: false,
    owasp: ['MCP01'],
    threat: 'Credential theft and over-broad access: the server reads every secret in the file, not only the one it needs.',
  },
  checkServer(context, server) {
    const invocation = invocationOf(server);
    if (!invocation) return;
    const container = /^(?:docker|podman|nerdctl|finch)$/.test(invocation.program);
    const args = invocation.args;
    for (let i = 0; i < args.length; i++) {
      const value = args[i].value;
      if (/^-(?:v|-volume|-mount)$/.test(value) && container && args[i + 1]) {
        const mount = args[i + 1];
        const source = mountSource(mount.value);
        const match = source && (classify(source, CREDENTIAL_FILES) ?? classify(source, CREDENTIAL_DIRS));
        if (match)
          context.report({
            node: mount.node,
            server,
            severity: match.severity,
            message: `Credential files mounted into a container: mount only the one it needs, read-only, or pass a scoped token. Server "${server.name}" mounts ${match.what}.`,
          });
        i++;
        continue;
      }
      if (value === '--env-file' && container && args[i + 1]) {
        context.report({
          node: args[i + 1].node,
          server,
          severity: 'information',
          message: `A whole env file is passed to a container (--env-file): keep a file with just this server's variables. Server "${server.name}" gets every secret in it, not only the ones it needs.`,
        });
        i++;
        continue;
      }
      const path = value.startsWith('-') && value.includes('=') ? value.slice(value.indexOf('=') + 1) : value;
      if (/^-/.test(path) || /:\/\//.test(path)) continue;
      const match = classify(path, CREDENTIAL_FILES);
      if (!match) continue;
      context.report({
        node: args[i].node,
        server,
        severity: match.severity,
        message: `Credential file passed as an argument: give only the credential it needs (a scoped token or a dedicated key). Server "${server.name}" is given ${match.what}.`,
      });
    }
  },
};

/** `-v src:dst[:ro]` / `--mount type=bind,src=...,dst=...` -> src. */
function mountSource(spec: string): string | undefined {
  const mount = /(?:^|,)(?:source|src)=([^,]+)/.exec(spec);
  if (mount) return mount[1];
  // Windows drive letters ("C:\...:/data") keep their first colon.
  const parts = spec.split(':');
  if (parts.length >= 2 && /^[A-Za-z]$/.test(parts[0])) return parts[0] + ':' + parts[1];
  return parts.length >= 2 ? parts[0] : undefined;
}

/** Cheap prefilter: the name or extension of something in the tables above. */
const CANDIDATE =
  /id_|\.env|netrc|pgpass|credential|npmrc|pypirc|my\.cnf|config|secret|account|sa-key|token|\.(?:pem|key|p12|pfx|jks|keystore|ppk|p8)\b|[/\\.](?:ssh|aws|gnupg|kube|azure|docker|gcloud)/i;

function classify(path: string, table: readonly CredentialFile[]): CredentialFile | undefined {
  if (!CANDIDATE.test(path)) return undefined;
  const normal = path
    .trim()
    .replace(/\\/g, '/')
    .replace(/^["']|["']$/g, '');
  if (normal.length < 3 || normal.length > 1024) return undefined;
  if (/\.pub$/i.test(normal)) return undefined; // public keys are public
  // CA bundles and certificates are public too: only key material counts.
  const base = normal.slice(normal.lastIndexOf('/') + 1);
  if (/\.(?:pem|crt)$/i.test(base) && /ca|cert|chain|bundle|root|pub/i.test(base) && !/key|priv/i.test(base)) return undefined;
  return table.find((entry) => entry.test.test(normal));
}
