import type { Rule } from '../core/rule';
import type { StringValue } from '../core/model';
import { allCommands, serverCommands } from '../launch/effective';
import { dockerRunOf } from '../launch/docker';
import { valueRange } from '../fixes/nodeEdits';

const FLAGS: ReadonlyArray<[RegExp, string]> = [
  [/--no-sandbox\b/, 'turns off the browser sandbox'],
  [/--disable-setuid-sandbox\b/, "turns off the browser's setuid sandbox"],
  [/--disable-web-security\b/, 'turns off the same-origin policy'],
  [/--disable-site-isolation-trials\b/, 'turns off site isolation'],
];

/**
 * Browser-automation servers (Playwright, Puppeteer, Chrome DevTools) open pages an attacker
 * can choose. Chromium's sandbox is what keeps a renderer exploit on such a page from
 * reaching the machine; `--no-sandbox` and `--disable-web-security` remove that layer.
 */
export const rule: Rule = {
  id: 'browser-sandbox-disabled',
  meta: {
    category: 'permission',
    scope: 'server',
    defaultSeverity: 'warning',
    description: 'A browser-automation server runs Chromium with --no-sandbox, --disable-setuid-sandbox or --disable-web-security.',
    fixable: false,
    owasp: ['MCP02'],
    threat: "Sandbox escape: a malicious page visited by the agent can exploit the unsandboxed browser and reach the machine or other sites' data.",
  },
  checkServer(context, server) {
    const invocation = serverCommands(server).main;
    const inContainer = invocation ? dockerRunOf(invocation) !== undefined : false;
    const values: StringValue[] = allCommands(server).flatMap((c) => c.args);
    for (const entry of server.env)
      if (entry.value !== undefined && entry.valueNode.type === 'string') values.push({ value: entry.value, node: entry.valueNode });
    const seen = new Set<string>();
    for (const value of values) {
      // Each flag below contains one of these two: nearly every value is passed over at once.
      if (!value.value.includes('--no-sandbox') && !value.value.includes('--disable-')) continue;
      for (const [pattern, what] of FLAGS) {
        const match = pattern.exec(value.value);
        if (!match) continue;
        const key = `${value.node.offset}:${match[0]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const whole = value.value.trim() === match[0];
        const range = whole ? { node: value.node } : valueRange(context.doc, value, match.index, match.index + match[0].length);
        // Inside a container the container is the sandbox; Chromium as root there needs --no-sandbox.
        const contained = inContainer && match[0] !== '--disable-web-security';
        context.report({
          ...range,
          server,
          severity: contained ? 'information' : 'warning',
          message: contained
            ? `Browser protection off in a container (${match[0]}): run the browser as a non-root user with its sandbox on. Server "${server.name}": the flag ${what}; the container is the remaining boundary.`
            : `Browser protection off (${match[0]}): remove it and run the browser as a normal user. Server "${server.name}": the flag ${what}, so a malicious page the agent opens can exploit the browser and reach this machine. If the browser must run as root, run it in a container.`,
        });
      }
    }
  },
};
