import type { Finding } from '../core/types';
import { pinTargetAt, type PinTarget } from '../launch/pinnable';
import { ruleById } from '../rules';
import type { Analysis } from './lint';

/**
 * What "Pin to …" rewrites for a finding of an analysis: found at request time (a code
 * action, `--pin`) from the analysis itself, for findings whose rule declares `meta.pins`.
 * Not carried on the finding: the language server moves unchanged findings to each new
 * version of the document, and an edit built for an older text would write at old offsets.
 */
export function pinTargetOf(analysis: Pick<Analysis, 'doc' | 'config'>, finding: Finding): PinTarget | undefined {
  const kind = ruleById(finding.ruleId)?.meta.pins;
  if (!kind) return undefined;
  const lines = analysis.doc.lines;
  const offset = lines.offsetAt(finding.range.start);
  return pinTargetAt(analysis.doc, analysis.config, kind, finding.server, offset, lines.offsetAt(finding.range.end) - offset);
}
