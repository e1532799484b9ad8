import type { Rule } from './rule';

/** Problems with suppression directives; produced by the directive parser, not per placement. */
export const cal007: Rule = {
  id: 'CAL007',
  name: 'suppression-problem',
  title: 'Malformed, unexplained or expired suppression',
  defaultSeverity: 'warning',
  description:
    'A `cloud-act-lens:ignore` directive is malformed, names an unknown rule, gives no reason, or has expired ' +
    '(an expired directive no longer suppresses anything).',
  check() {
    return undefined;
  },
};
