import type { Finding } from '../engine';
import type { ParsedDocument, TreeNode } from '../core/tree';
import { detectSecret } from '../secrets/detect';
import { sha256 } from '../common/lazyCrypto';

/** The key under SARIF `partialFingerprints`; bump the version if the recipe changes. */
export const FINGERPRINT_KEY = 'mcpHygiene/v1';

/**
 * A finding's identity for baselines and SARIF `partialFingerprints`, stable when unrelated
 * lines are inserted or removed: sha256 over the rule id, the file (relative, forward
 * slashes), the server name, the key path of the flagged node (`servers/github/env/TOKEN`)
 * and a sha256 of the flagged text with whitespace collapsed. Never the line number.
 *
 * Secret values never enter it, not even hashed: for secret findings, and for any flagged
 * text that itself looks like a secret, the content part is a constant, so a fingerprint
 * cannot be brute-forced back to a weak password. (Rotating a secret in place therefore
 * keeps the finding's identity: it is still "a literal secret under this key".)
 */
export function fingerprint(finding: Finding, file: string, doc: ParsedDocument): string {
  const start = doc.lines.offsetAt(finding.range.start);
  const end = doc.lines.offsetAt(finding.range.end);
  const node = nodeForSpan(doc.root, start, end);
  const path = node ? keyPath(node) : '';
  // URL credentials and query values are dropped before hashing: they may be secrets no
  // detector recognises, and the rest of the URL identifies the finding well enough.
  const flagged = doc.text
    .slice(start, end)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(\/\/)[^/@\s"']+@/g, '$1<userinfo>@')
    .replace(/([?&][^=&#\s"']+=)[^&#\s"']*/g, '$1<value>');
  const unquoted = flagged.replace(/^(["'])([\s\S]*)\1$/, '$2');
  const content = finding.category === 'secret' || (unquoted.length > 0 && detectSecret(unquoted, lastKey(node)) !== undefined) ? '<secret>' : sha256(flagged);
  return sha256(['v1', finding.ruleId, file, finding.server ?? '', path, content].join('\u0000'));
}

/**
 * Gives fingerprints to a file's findings; two findings that would share one (same rule on
 * the same node) get an occurrence suffix, so every finding in a file has its own.
 */
export function fingerprintAll(findings: readonly Finding[], file: string, doc: ParsedDocument): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const base = fingerprint(finding, file, doc);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : sha256(`${base}:${count}`);
  });
}

/** The deepest node covering exactly [start, end), else the deepest one containing start. */
function nodeForSpan(root: TreeNode | undefined, start: number, end: number): TreeNode | undefined {
  let exact: TreeNode | undefined;
  let containing: TreeNode | undefined;
  let current = root;
  while (current) {
    if (current.offset === start && current.offset + current.length === end) exact = current;
    if (current.offset <= start && start <= current.offset + current.length) containing = current;
    const next: TreeNode | undefined = current.children?.find(
      (child) => (child.offset <= start && start < child.offset + child.length) || (child.offset === start && child.length === 0),
    );
    current = next;
  }
  return exact ?? containing;
}

/** `servers/github/args/2`: keys and array indexes from the root; `#key` for a property's key node. */
function keyPath(node: TreeNode): string {
  const parts: string[] = [];
  let current: TreeNode | undefined = node;
  while (current?.parent) {
    const parent: TreeNode = current.parent;
    if (parent.type === 'property') {
      const keyNode = parent.children?.[0];
      if (keyNode === current) parts.push('#key', String(keyNode.value ?? ''));
      else parts.push(String(keyNode?.value ?? ''));
      current = parent.parent;
      continue;
    }
    if (parent.type === 'array') parts.push(String(parent.children?.indexOf(current) ?? -1));
    current = parent;
  }
  return parts
    .reverse()
    .map((p) => p.replace(/[\\/]/g, (c) => '\\' + c))
    .join('/');
}

function lastKey(node: TreeNode | undefined): string | undefined {
  const parent = node?.parent;
  if (parent?.type === 'property' && parent.children?.[1] === node) return String(parent.children?.[0]?.value ?? '');
  return undefined;
}
