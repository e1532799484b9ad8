import type { LensConfig } from '../config';
import type { Placement, RelatedInfo, RuleId, Severity } from '../model';

export interface RuleContext {
  config: LensConfig;
  /** Formats a path for messages (relative to the workspace or the current directory). */
  displayPath(path: string): string;
}

export interface RuleHit {
  message: string;
  /** Overrides the configured severity (CAL001 for resources that hold no customer data). */
  severity?: Severity;
  /** Places that explain the finding; by default the steps of the region's provenance. */
  related?: RelatedInfo[];
  /** Places shown after the region's provenance (when `related` is not given): CAL009's policy line. */
  alsoRelated?: RelatedInfo[];
}

/** One rule. A rule never changes meaning once shipped; new rules get the next free id. */
export interface Rule {
  id: RuleId;
  /** Short name used in SARIF and the README. */
  name: string;
  title: string;
  defaultSeverity: Severity | 'off';
  /** A paragraph for documentation, SARIF `help` and hovers. */
  description: string;
  check(placement: Placement, ctx: RuleContext): RuleHit | undefined;
}
