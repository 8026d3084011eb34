import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { ServerEntry } from '../core/model';
import { ruleDocsUrl, type Analysis } from '../engine';
import { summaryOf } from '../core/summary';
import { invocationOf } from '../core/invocation';
import { launchInfo, type LaunchedPackage } from '../launch/packages';
import { advisoryTarget, matchingAdvisories } from '../launch/advisoryMatch';
import { deprecatedServer } from '../data';
import { isFilesystemServer, looksLikePath } from '../launch/filesystem';
import { dockerOptions, parseDockerMount } from '../launch/docker';
import { parseUrlLoosely } from '../core/urls';
import type { DocumentAnalysis } from './analysis';

const MAX_LIST = 6;

/**
 * Hover on a server entry (its name key or anywhere inside it): what it launches, whether
 * that is pinned, known advisories and deprecation, transport and host, what it can touch
 * and what runs without asking. Built from the cached analysis (no re-parse). Never shows a
 * value that may be secret: env and header entries are listed by NAME only, URLs by host.
 */
export function provideHover(entry: DocumentAnalysis, position: Position): Hover | null {
  const analysis = entry.analysis;
  if (!analysis) return null;
  const offset = analysis.doc.lines.offsetAt(position);
  const server = serverAt(analysis, offset);
  const details = findingDetails(analysis, offset);
  if (!server && !details.length) return null;
  const sections = [...details, ...(server ? [describeServer(server)] : [])];
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') },
    ...(server ? { range: analysis.doc.lines.rangeAt(server.nameNode.offset, server.nameNode.length) } : {}),
  };
}

/**
 * The rest of each finding under the cursor whose diagnostic shows only its first sentence
 * (core/summary.ts): why it matters and how, with the rule's page.
 */
function findingDetails(analysis: Analysis, offset: number): string[] {
  const { lines } = analysis.doc;
  return analysis.findings
    .filter((finding) => offset >= lines.offsetAt(finding.range.start) && offset <= lines.offsetAt(finding.range.end))
    .flatMap((finding) => {
      const rest = finding.message.slice(summaryOf(finding.message).length).trim();
      return rest ? [`**${finding.ruleId}** — ${markdownText(rest)} [Rule page](${ruleDocsUrl(finding.ruleId)})`] : [];
    });
}

/** Plain text in Markdown: characters that would format or link are escaped. */
function markdownText(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, '\\$&');
}

/** The innermost server whose name or body contains the offset. */
export function serverAt(analysis: Analysis, offset: number): ServerEntry | undefined {
  let best: ServerEntry | undefined;
  let bestLength = Infinity;
  for (const server of analysis.config.servers) {
    for (const node of [server.nameNode, server.node]) {
      if (offset >= node.offset && offset <= node.offset + node.length && node.length < bestLength) {
        best = server;
        bestLength = node.length;
      }
    }
  }
  return best;
}

export function describeServer(server: ServerEntry): string {
  const lines: string[] = [
    `**MCP server \`${code(server.name)}\`**${server.disabled ? ' (disabled)' : ''}${server.scope ? ` · project \`${code(server.scope)}\`` : ''}`,
    '',
  ];
  const info = launchInfo(server);
  const invocation = info.invocation ?? invocationOf(server);
  const main = info.packages.filter((p) => p.role === 'main');
  const extra = info.packages.filter((p) => p.role === 'with');
  if (server.url) {
    const url = parseUrlLoosely(server.url.value);
    lines.push(
      `- **Transport:** ${server.transport} · **host:** ${url ? `\`${code(url.host)}\`` : 'not a URL'}${url && url.scheme.toLowerCase() === 'http' ? ' (plain HTTP)' : ''}`,
    );
  } else {
    lines.push(`- **Transport:** ${server.transport}${invocation ? ` · **launcher:** \`${code(invocation.program)}\`` : ''}`);
  }
  for (const pkg of main) lines.push(`- **${pkg.ecosystem === 'Docker' ? 'Image' : 'Package'}:** ${describePackage(pkg)}`);
  if (extra.length) lines.push(`- **Also installs:** ${extra.slice(0, MAX_LIST).map(describePackage).join(', ')}`);
  for (const pkg of [...main, ...extra]) {
    const target = advisoryTarget(pkg);
    if (target) {
      for (const advisory of [...matchingAdvisories(target, true), ...matchingAdvisories(target, false)].slice(0, 3)) {
        lines.push(
          `- ⚠ **${advisory.malicious ? 'Malicious' : 'Advisory'}** [${code(advisory.id)}](${advisory.url}): ${code(advisory.summary)}${advisory.fixed ? ` (fixed in ${code(advisory.fixed)})` : ''}`,
        );
      }
    }
    if (pkg.ecosystem === 'npm' || pkg.ecosystem === 'PyPI') {
      const deprecated = deprecatedServer(pkg.ecosystem, pkg.name);
      if (deprecated) {
        const status = deprecated.status.split(/[;(]/)[0].trim();
        const instead = deprecated.dropIn
          ? `use \`${code(deprecated.dropIn.package)}\``
          : `replacement: ${code(deprecated.replacement.split(/[:;]/)[0].trim())}`;
        lines.push(`- ⚠ **Deprecated** ([${code(status)}](${deprecated.url})): ${instead}`);
      }
    }
  }
  const touches = reach(server, invocation);
  if (touches.length) lines.push(`- **Can touch:** ${touches.join(', ')}`);
  if (server.env.length) lines.push(`- **Env vars:** ${names(server.env.map((e) => e.key))} (values not shown)`);
  if (server.envPassthrough?.length) lines.push(`- **Env passed through:** ${names(server.envPassthrough.map((e) => e.value))}`);
  if (server.envFile) lines.push(`- **Env file:** \`${code(server.envFile.value)}\``);
  if (server.headers.length) lines.push(`- **Headers:** ${names(server.headers.map((h) => h.key))} (values not shown)`);
  lines.push(`- **Auto-approval:** ${approval(server)}`);
  return lines.join('\n');
}

function describePackage(pkg: LaunchedPackage): string {
  const pinned = pkg.kind === 'exact' || pkg.kind === 'digest';
  const version = pkg.version ? ` ${pkg.kind === 'digest' ? 'digest ' + pkg.version.slice(0, 19) + '…' : code(pkg.version)}` : '';
  const how: Record<string, string> = { none: 'no version', tag: 'moving tag', range: 'version range', 'open-range': 'open range' };
  return `\`${code(pkg.name)}\`${version} — ${pinned ? 'pinned' : `**not pinned** (${how[pkg.kind] ?? pkg.kind})`} · via \`${code(pkg.launcher)}\``;
}

function reach(server: ServerEntry, invocation: ReturnType<typeof invocationOf>): string[] {
  const out: string[] = [];
  if (invocation && isFilesystemServer(invocation)) {
    const roots = invocation.args.map((a) => a.value).filter(looksLikePath);
    out.push(
      roots.length
        ? `files under ${roots
            .slice(0, MAX_LIST)
            .map((r) => `\`${code(r)}\``)
            .join(', ')}`
        : 'files (roots chosen at run time)',
    );
  }
  const docker = launchInfo(server).docker;
  if (docker) {
    const mounts = [...dockerOptions(docker, '--volume'), ...dockerOptions(docker, '--mount')]
      .map(parseDockerMount)
      .filter((m): m is NonNullable<typeof m> => !!m && !!m.source);
    if (mounts.length)
      out.push(
        `host paths ${mounts
          .slice(0, MAX_LIST)
          .map((m) => `\`${code(m.source!)}\``)
          .join(', ')}`,
      );
  }
  if (server.cwd) out.push(`working directory \`${code(server.cwd.value)}\``);
  if (server.url) out.push('the network (remote server)');
  return out;
}

function approval(server: ServerEntry): string {
  if (server.trust?.value) return '**every tool** (trust: true)';
  const list = server.autoApprove?.values.map((v) => v.value) ?? [];
  if (list.some((v) => v === '*' || v === 'all')) return '**every tool**';
  if (list.length) return `${list.length} tool${list.length === 1 ? '' : 's'} without asking: ${names(list)}`;
  return 'none (each tool call asks)';
}

function names(values: readonly string[]): string {
  const shown = values.slice(0, MAX_LIST).map((v) => `\`${code(v)}\``);
  return values.length > MAX_LIST ? `${shown.join(', ')} and ${values.length - MAX_LIST} more` : shown.join(', ');
}

/** Inline code cannot hold backticks; long values are cut. */
function code(text: string): string {
  const flat = text.replace(/`/g, "'").replace(/\s+/g, ' ');
  return flat.length > 80 ? flat.slice(0, 79) + '…' : flat;
}
