import { makeSecret, printJson, printToml, printYaml, secretBody, type Json } from './arbitraries';

/**
 * A config with a unique secret (made at run time from a seed) in every place a rule reads
 * values: env under each dialect's key (env / environment / envs), a `${VAR:-default}`
 * default, args (--flag=value, --flag value, a DSN, docker -e NAME=value, a shell line),
 * url userinfo and query under each url key, headers (Bearer and raw key, headers /
 * http_headers), an OAuth client secret. The servers map sits under every root key a
 * dialect reads, so every dialect finds it. Printed as JSON, JSONC, TOML and YAML.
 */
export interface PlantedConfig {
  /** The secret bodies (format prefixes such as ghp_ are public, and stripped). */
  secrets: string[];
  value: { [key: string]: Json };
  texts: { json: string; jsonc: string; toml: string; yaml: string; yamlList: string };
}

export function plantedConfig(seed: number): PlantedConfig {
  let n = 0;
  const secrets: string[] = [];
  const secret = (kind: number) => {
    const s = makeSecret(kind, seed * 97 + n++);
    secrets.push(secretBody(s));
    return s;
  };
  const password = () => secret(7);
  const env = (): { [key: string]: Json } => ({
    GITHUB_PERSONAL_ACCESS_TOKEN: secret(0),
    GITHUB_TOKEN: secret(1),
    OPENAI_API_KEY: secret(2),
    AWS_ACCESS_KEY_ID: secret(3),
    SLACK_BOT_TOKEN: secret(4),
    GITLAB_TOKEN: secret(5),
    API_KEY: secret(6),
    DB_PASSWORD: password(),
    DATABASE_URL: `postgresql://admin:${password()}@db.internal.example:5432/app`,
    REDIS_URL: `redis://:${password()}@cache.example:6379/0`,
    WITH_DEFAULT: '${API_TOKEN:-' + secret(0) + '}',
  });
  const stdio: { [key: string]: Json } = {
    command: 'npx',
    args: [
      '-y',
      '@modelcontextprotocol/server-postgres@0.6.2',
      `--api-key=${secret(2)}`,
      '--token',
      secret(0),
      `postgresql://app:${password()}@localhost:5432/app`,
      '--password',
      password(),
    ],
    env: env(),
    environment: env(),
    envs: env(),
  };
  const docker: { [key: string]: Json } = {
    command: 'docker',
    args: ['run', '-i', '--rm', '-e', `GITHUB_PERSONAL_ACCESS_TOKEN=${secret(0)}`, '-e', `API_KEY=${secret(6)}`, 'ghcr.io/github/github-mcp-server:1.0.0'],
  };
  const shell: { [key: string]: Json } = {
    command: 'bash',
    args: ['-c', `API_KEY=${secret(6)} npx -y some-mcp-server@1.0.0 --token ${secret(0)}`],
  };
  const remoteUrl = () => `https://deploy:${password()}@mcp.example.com/mcp?token=${secret(0)}&api_key=${secret(6)}`;
  const headers = (): { [key: string]: Json } => ({ Authorization: 'Bearer ' + secret(0), 'X-API-Key': secret(6), Cookie: 'session=' + secret(6) });
  const remote: { [key: string]: Json } = {
    type: 'http',
    url: remoteUrl(),
    uri: remoteUrl(),
    httpUrl: remoteUrl(),
    serverUrl: remoteUrl(),
    headers: headers(),
    http_headers: headers(),
    oauth: { clientId: 'client-id', clientSecret: secret(6), client_secret: secret(6) },
  };
  const insecure: { [key: string]: Json } = { type: 'sse', url: `http://user:${password()}@mcp.example.com/sse?access_token=${secret(0)}` };
  const opencode: { [key: string]: Json } = { type: 'local', command: ['npx', '-y', 'pkg@1.0.0', `--api-key=${secret(2)}`], environment: env() };
  const goose: { [key: string]: Json } = { type: 'stdio', cmd: 'npx', args: ['-y', 'pkg@1.0.0', `--token=${secret(0)}`], envs: env() };
  const servers: { [key: string]: Json } = { stdio, docker, shell, remote, insecure, opencode, goose };
  const value: { [key: string]: Json } = {
    servers,
    mcpServers: servers,
    mcp_servers: servers,
    context_servers: servers,
    extensions: servers,
    mcp: servers,
  };
  const list = Object.entries(servers).map(([name, server]) => ({ name, ...(server as { [key: string]: Json }) }));
  return {
    secrets,
    value,
    texts: {
      json: printJson(value, { indent: '  ', eol: '\n', comments: false, trailingCommas: false }),
      jsonc: printJson({ ...value, mcp: { servers } }, { indent: '\t', eol: '\r\n', comments: true, trailingCommas: true }),
      toml: printToml(value),
      yaml: printYaml(value),
      yamlList: printYaml({ name: 'planted', version: '1.0.0', schema: 'v1', mcpServers: list }),
    },
  };
}
