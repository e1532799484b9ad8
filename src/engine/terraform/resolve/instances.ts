import type { Env } from '../eval/evaluate';
import { evaluate } from '../eval/evaluate';
import { asString, inherit, map, num, str, unknown, unknownBecause, type Val, withStep } from '../eval/values';
import type { Block } from '../parser';

/** One instance of a resource or module: its `for_each` key or `count` index and what `each`/`count` denote in it. */
export interface Instance<T> {
  /** The key (`"eu"`) or index (`"0"`); undefined for a single instance. */
  key?: string;
  /** The address suffix: `["eu"]`, `[0]` or empty. */
  suffix: string;
  each?: Val;
  count?: Val;
  value: T;
}

/** More instances than this are not expanded (one placement each would swamp any report). */
const MAX_INSTANCES = 256;

/** `type.name` plus the instance suffix. */
export function instanceAddress(base: string, inst?: Instance<unknown>): string {
  return inst ? `${base}${inst.suffix}` : base;
}

/**
 * Expands `for_each` (a map, or a set of strings) and `count` of a resource or module block, as
 * Terraform does. Returns an unknown when the collection or the number is not known statically.
 */
export function expandInstances(block: Block, env: Env): Instance<undefined>[] | Val {
  const forEach = block.body.attributes.find((a) => a.name === 'for_each');
  const count = block.body.attributes.find((a) => a.name === 'count');
  if (forEach) {
    const v = evaluate(forEach.expr, env);
    const step = { description: 'for_each', location: { file: env.file, range: forEach.range } };
    if (v.t === 'unknown') {
      return unknownBecause('for_each is not known statically: ', v.reason);
    }
    const out: Instance<undefined>[] = [];
    const entries: Array<[string, Val]> = [];
    if (v.t === 'map') {
      entries.push(...[...v.entries].map(([k, e]): [string, Val] => [k, inherit(v, e)]));
    } else if (v.t === 'list') {
      for (const item of v.items) {
        const k = asString(item);
        if (k === undefined) {
          return unknown('for_each over a set whose elements are not all known strings');
        }
        entries.push([k, inherit(v, item)]);
      }
    } else {
      return unknown('for_each is not a map or a set');
    }
    for (const [k, value] of entries.slice(0, MAX_INSTANCES)) {
      const each = map(
        new Map([
          ['key', str(k, { steps: [step] })],
          ['value', withStep(value, step)],
        ]),
      );
      out.push({ key: k, suffix: `[${JSON.stringify(k)}]`, each, value: undefined });
    }
    return out;
  }
  if (count) {
    const v = evaluate(count.expr, env);
    if (v.t === 'unknown') {
      return unknownBecause('count is not known statically: ', v.reason);
    }
    const n = v.t === 'num' ? v.v : v.t === 'bool' ? Number(v.v) : NaN;
    if (!Number.isInteger(n) || n < 0) {
      return unknown('count is not a whole number');
    }
    const out: Instance<undefined>[] = [];
    for (let i = 0; i < Math.min(n, MAX_INSTANCES); i++) {
      out.push({ key: String(i), suffix: `[${i}]`, count: map(new Map([['index', num(i)]])), value: undefined });
    }
    return out;
  }
  return SINGLE;
}

/**
 * The one instance of a block without `for_each` or `count`, shared (frozen) by all such blocks: a
 * configuration of 150,000 resources held as many copies of it.
 */
const SINGLE: Instance<undefined>[] = Object.freeze([
  Object.freeze({ suffix: '', value: undefined }),
]) as Instance<undefined>[];
