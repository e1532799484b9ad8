import assert from 'node:assert/strict';

import { evaluate, type Scope } from '../../../src/engine/terraform/eval/evaluate';
import { str, type Val } from '../../../src/engine/terraform/eval/values';
import { parseHcl } from '../../../src/engine/terraform/parser';

/** `var.region` is "eu-west-1" (from a default); every other variable and local is unknown. */
export const scope: Scope = {
  variable: (n) =>
    n === 'region'
      ? str('eu-west-1', { steps: [{ description: 'var.region default' }] })
      : { t: 'unknown', reason: `var.${n} unset`, o: { steps: [] } },
  local: (n) => ({ t: 'unknown', reason: `local.${n}`, o: { steps: [] } }),
  reference: () => undefined,
};

/** Evaluates one HCL expression in {@link scope}, as if written in /m/main.tf. */
export function ev(src: string): Val {
  const file = parseHcl(`x = ${src}\n`);
  assert.deepEqual(file.errors, []);
  return evaluate(file.body.attributes[0].expr, { scope, file: '/m/main.tf' });
}
