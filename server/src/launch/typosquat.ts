import { genuinePackageNames, lookalike, type Lookalike } from '../data';
import { normalizePythonName } from '../common/pythonName';
import { editDistance } from '../common/editDistance';
import { StringAnswers } from '../core/memo';

/**
 * Is a package name a near-miss of a genuine MCP server name (data/known-servers.json,
 * deprecated servers, and packages named in advisories)? Three tests, strongest first:
 *   lookalike   a hand-curated name known to collide with an official server
 *   confusable  same "skeleton" after folding homoglyphs (I/l/1, 0/o, rn/m, Cyrillic...)
 *   scope       the same package under a scope that differs by a typo (@modelcontextprotocoI)
 *   distance    Damerau-Levenshtein 1 (names >= 6 chars) or 2 (>= 12 chars) from a genuine name
 * The genuine-name tables and skeleton index are built once; answers are memoised per name.
 */
export type SquatKind = 'lookalike' | 'confusable' | 'scope' | 'distance';

export interface SquatMatch {
  kind: SquatKind;
  /** The genuine name it resembles (for lookalikes, what to use instead). */
  genuine: string;
  /** Same scope (or Docker namespace) as the genuine name: owned by the same publisher, so a typo rather than a squat. */
  sameOwner: boolean;
  lookalike?: Lookalike;
}

const CONFUSABLES: Record<string, string> = {
  // Cyrillic and Greek letters that render like Latin ones.
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  α: 'a',
  ο: 'o',
  ν: 'v',
  ρ: 'p',
  τ: 't',
  κ: 'k',
  ι: 'i',
};

const ASCII = /^[\x00-\x7f]*$/;

/** Folds a name to what it looks like: case, homoglyphs, and look-alike digit/letter pairs. */
export function skeleton(name: string): string {
  // Decomposition, accents and homoglyphs are all outside ASCII, which nearly every package
  // name is: such a name skips them (and ICU's normaliser, which a short run would otherwise
  // load just for this).
  let text = name;
  if (!ASCII.test(text)) {
    text = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    text = [...text].map((ch) => CONFUSABLES[ch] ?? ch).join('');
  }
  return text
    .replace(/I/g, 'l')
    .toLowerCase()
    .replace(/[1|]/g, 'l')
    .replace(/0/g, 'o')
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w')
    .replace(/5/g, 's')
    .replace(/[_.]/g, '-');
}

interface EcosystemIndex {
  names: string[];
  genuine: Set<string>;
  bySkeleton: Map<string, string>;
  /** unscoped part -> genuine scoped names having it */
  byBare: Map<string, string[]>;
}

const indexes = new Map<string, EcosystemIndex>();
function indexFor(ecosystem: string): EcosystemIndex {
  let index = indexes.get(ecosystem);
  if (!index) {
    const genuine = genuinePackageNames().get(ecosystem) ?? new Set<string>();
    index = { names: [...genuine], genuine, bySkeleton: new Map(), byBare: new Map() };
    for (const name of genuine) {
      index.bySkeleton.set(skeleton(name), name);
      const owner = ownerOf(name);
      if (owner) {
        const bare = name.slice(owner.length + 1);
        const list = index.byBare.get(bare) ?? [];
        list.push(name);
        index.byBare.set(bare, list);
      }
    }
    indexes.set(ecosystem, index);
  }
  return index;
}

/** `@scope` for npm, the namespace (`mcp`, `ghcr.io/github`) for images. */
function ownerOf(name: string): string | undefined {
  const slash = name.lastIndexOf('/');
  if (name.startsWith('@') || slash > 0) return slash > 0 ? name.slice(0, slash) : undefined;
  return undefined;
}

const memo = new StringAnswers<SquatMatch | null>(5000);

export function typosquatOf(ecosystem: string, rawName: string): SquatMatch | undefined {
  const key = `${ecosystem}:${rawName}`;
  const cached = memo.get(key);
  if (cached !== undefined) return cached ?? undefined;
  return memo.add(key, () => compute(ecosystem, rawName) ?? null) ?? undefined;
}

function compute(ecosystem: string, rawName: string): SquatMatch | undefined {
  const curated = lookalike(ecosystem, rawName);
  if (curated) return { kind: 'lookalike', genuine: curated.instead, sameOwner: false, lookalike: curated };
  // A single-name Docker Hub image lives in the "library" namespace, which only Docker's
  // official images can use: nobody can squat it, and such names are usually local builds.
  if (ecosystem === 'Docker' && !rawName.includes('/')) return undefined;
  const index = indexFor(ecosystem);
  const name = ecosystem === 'PyPI' ? normalizePythonName(rawName) : ecosystem === 'Go' ? rawName : rawName.toLowerCase();
  if (index.genuine.has(name) && name === rawName.toLowerCase()) return undefined;
  if (ecosystem !== 'PyPI' && rawName !== rawName.toLowerCase() && index.genuine.has(name)) {
    // Upper-case letters: npm and registries refuse them for new names, so a "match" after
    // lower-casing is a look-alike spelling (e.g. a capital I for an l).
    return { kind: 'confusable', genuine: name, sameOwner: false };
  }
  if (index.genuine.has(name)) return undefined;
  const folded = skeleton(rawName);
  const bySkeleton = index.bySkeleton.get(folded);
  if (bySkeleton) return { kind: 'confusable', genuine: bySkeleton, sameOwner: false };
  const owner = ownerOf(name);
  if (owner) {
    const bare = name.slice(owner.length + 1);
    for (const genuine of index.byBare.get(bare) ?? []) {
      const genuineOwner = ownerOf(genuine)!;
      if (genuineOwner !== owner && editDistance(owner, genuineOwner, 2) <= 2) return { kind: 'scope', genuine, sameOwner: false };
    }
  }
  const max = name.length >= 12 ? 2 : name.length >= 6 ? 1 : 0;
  if (max === 0) return undefined;
  let best: { genuine: string; distance: number } | undefined;
  for (const genuine of index.names) {
    const distance = editDistance(name, genuine, max);
    if (distance <= max && (!best || distance < best.distance)) best = { genuine, distance };
  }
  if (!best) return undefined;
  // Differences only in a trailing digit run next to an existing genuine name (server vs server2)
  // are kept: re-registration with a digit is a common squat (mcp-runcommand-server2).
  return { kind: 'distance', genuine: best.genuine, sameOwner: !!owner && ownerOf(best.genuine) === owner };
}
