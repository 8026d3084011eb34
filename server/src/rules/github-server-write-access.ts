import type { Rule } from '../core/rule';
import type { StringValue } from '../core/model';
import { serverCommands } from '../launch/effective';
import { dockerRunOf } from '../launch/docker';
import { parseUrlLoosely } from '../core/urls';
import { valueRange } from '../fixes/nodeEdits';

const TRUE = /^(?:1|true|yes|on)$/i;

/**
 * GitHub's MCP server (`ghcr.io/github/github-mcp-server`, the `github-mcp-server` binary,
 * `https://api.githubcopilot.com/mcp/`) can create, merge and delete with the token it gets.
 * Read-only mode (`--read-only`, `GITHUB_READ_ONLY=1`, `/readonly`, `X-MCP-Readonly`) is the
 * documented way to give an agent read access only; `all` toolsets expose every write tool.
 */
export const rule: Rule = {
  id: 'github-server-write-access',
  meta: {
    category: 'permission',
    scope: 'server',
    defaultSeverity: 'information',
    description: "GitHub's MCP server runs without read-only mode, or with all toolsets enabled.",
    fixable: false,
    owasp: ['MCP02'],
    threat: 'Over-broad access: a prompt-injected agent (e.g. via a public issue) can push, merge or leak private repository data with the token.',
  },
  check(context) {
    for (const server of context.config.servers) {
      // Remote: https://api.githubcopilot.com/mcp/[x/<toolset>/][readonly]
      if (server.url) {
        const parsed = parseUrlLoosely(server.url.value);
        if (!parsed || parsed.host !== 'api.githubcopilot.com' || !parsed.path.startsWith('/mcp')) continue;
        const header = (name: string) => server.headers.find((h) => h.key.toLowerCase() === name);
        const readOnly = /\/readonly\/?$/.test(parsed.path) || TRUE.test(header('x-mcp-readonly')?.value ?? '');
        const allToolsets = /\/x\/all(?:\/|$)/.test(parsed.path) || /(?:^|,)\s*all\s*(?:,|$)/i.test(header('x-mcp-toolsets')?.value ?? '');
        if (allToolsets) {
          const toolsets = header('x-mcp-toolsets');
          report(server, toolsets && /all/i.test(toolsets.value ?? '') ? { node: toolsets.valueNode } : { node: server.url.node }, true, readOnly);
        } else if (!readOnly) report(server, { node: server.url.node }, false, false);
        continue;
      }
      const invocation = serverCommands(server).main;
      if (!invocation) continue;
      const run = dockerRunOf(invocation);
      let anchor: StringValue | undefined;
      let args = invocation.args;
      const env = new Map<string, { value: string; node?: StringValue }>();
      for (const entry of server.env)
        if (entry.value !== undefined) env.set(entry.key, { value: entry.value, node: { value: entry.value, node: entry.valueNode } });
      if (run) {
        if (!run.image || !/(?:^|\/)github\/github-mcp-server$/.test(run.image.repository)) continue;
        anchor = run.image.value;
        args = run.imageArgs;
        for (const option of run.options) {
          if (option.name !== '--env' || !option.value) continue;
          const eq = option.value.value.indexOf('=');
          if (eq > 0) env.set(option.value.value.slice(0, eq), { value: option.value.value.slice(eq + 1), node: option.value });
        }
      } else if (invocation.program === 'github-mcp-server') {
        anchor = invocation.programValue;
      } else continue;
      const readOnly =
        args.some((a) => a.value === '--read-only' || /^--read-only=(?:true|1)$/i.test(a.value)) || TRUE.test(env.get('GITHUB_READ_ONLY')?.value ?? '');
      let toolsets: { offset?: number; length?: number; node?: StringValue['node'] } | undefined;
      for (let i = 0; i < args.length; i++) {
        const text = args[i].value;
        if (text === '--toolsets' && args[i + 1] && /(?:^|,)\s*all\s*(?:,|$)/i.test(args[i + 1].value)) toolsets = { node: args[i + 1].node };
        else if (/^--toolsets=(?:.*,)?\s*all\s*(?:,.*)?$/i.test(text)) toolsets = { node: args[i].node };
      }
      const envToolsets = env.get('GITHUB_TOOLSETS');
      if (!toolsets && envToolsets && /(?:^|,)\s*all\s*(?:,|$)/i.test(envToolsets.value) && envToolsets.node) {
        const at = envToolsets.node.value.indexOf(envToolsets.value);
        toolsets = at >= 0 ? valueRange(context.doc, envToolsets.node, at, at + envToolsets.value.length) : { node: envToolsets.node.node };
      }
      if (toolsets) report(server, toolsets, true, readOnly);
      else if (!readOnly) report(server, { node: anchor.node }, false, false);
    }

    function report(
      server: (typeof context.config.servers)[number],
      range: { offset?: number; length?: number; node?: StringValue['node'] },
      all: boolean,
      readOnly: boolean,
    ) {
      context.report({
        ...range,
        server,
        severity: all && !readOnly ? 'warning' : 'information',
        message: all
          ? `All GitHub toolsets enabled: list only the toolsets you need (e.g. repos,issues)${readOnly ? '' : ' and turn on read-only mode'}. Server "${server.name}": ${readOnly ? 'every toolset' : 'every write tool (merge, push, delete, workflows)'} is available to an agent steered by text in an issue or pull request, with your token.`
          : `GitHub server with write access: turn on read-only mode if it only needs to read. Server "${server.name}": an agent steered by text in an issue or pull request can push, merge or comment with your token. Read-only mode is --read-only, GITHUB_READ_ONLY=1, or the /readonly URL.`,
      });
    }
  },
};
