import { parse as parseJsonc, type ParseError } from 'jsonc-parser';

import { gcpValueGroup } from '../catalog/gcp-value-groups';
import { shortValue } from '../text/quote';
import { yamlLibrary } from '../text/yaml-library';
import type { ResidencyPolicy } from './policy';

/**
 * Reads the location policies an organisation already runs, recognised by their content:
 *
 * - GCP organisation policy on `gcp.resourceLocations` (YAML or JSON): v2 `spec.rules[].values`
 *   (`allowedValues`, `deniedValues`, `allowAll`, `denyAll`) and v1 `listPolicy`;
 * - Azure Policy "Allowed locations" and "Allowed locations for resource groups" (an assignment, a
 *   definition with its values, or a parameters file: `listOfAllowedLocations`), and definitions whose
 *   rule lists the locations itself (`"field": "location"` with `in`/`notIn`);
 * - AWS service control policies or IAM policies with a `Deny` statement on `aws:RequestedRegion`
 *   (`StringNotEquals`, `StringNotLike`), with their `NotAction` exemptions or `Action` scope.
 *
 * Anything else is a problem of that file, never a policy that allows everything.
 */
export interface ImportResult {
  policies: ResidencyPolicy[];
  problems: string[];
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown): string[] | undefined {
  if (typeof v === 'string') {
    return [v];
  }
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined;
}

function arrayOfStrings(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined;
}

/** 1-based line of the first occurrence of `needle` in `text` (where the policy's list is written). */
function lineOf(text: string, needle: string): number | undefined {
  const at = text.indexOf(needle);
  if (at < 0) {
    return undefined;
  }
  let line = 1;
  for (let i = 0; i < at; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
    }
  }
  return line;
}

/** Parses JSON (with comments) or YAML; undefined when neither reads. */
function parseDocument(text: string): unknown {
  const errors: ParseError[] = [];
  const json: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
  if (errors.length === 0) {
    return json;
  }
  try {
    // One document; aliases are expanded with a cap, so a hostile file cannot blow up.
    return yamlLibrary().parse(text, { maxAliasCount: 100 }) as unknown;
  } catch {
    return undefined;
  }
}

/** Reads one policy file (`file` as the user wrote it, for messages). */
export function importPolicyFile(text: string, file: string): ImportResult {
  const doc = parseDocument(text);
  if (doc === undefined || doc === null || typeof doc !== 'object') {
    return { policies: [], problems: ['cannot be read as JSON or YAML; no policy taken from it'] };
  }
  const docs = Array.isArray(doc) ? doc : [doc];
  const out: ImportResult = { policies: [], problems: [] };
  for (const d of docs) {
    const r = isObj(d)
      ? (gcpPolicy(d, text, file) ?? azurePolicy(d, text, file) ?? awsPolicy(d, text, file))
      : undefined;
    if (r) {
      out.policies.push(...r.policies);
      out.problems.push(...r.problems);
    }
  }
  if (out.policies.length === 0 && out.problems.length === 0) {
    out.problems.push(
      'is not a policy this tool recognises (a GCP gcp.resourceLocations organisation policy, an Azure Policy ' +
        '"Allowed locations" assignment or definition, an AWS policy denying outside aws:RequestedRegion); no policy taken from it',
    );
  }
  return out;
}

// --- GCP -------------------------------------------------------------------------------------------

function gcpPolicy(d: Obj, text: string, file: string): ImportResult | undefined {
  const constraint = typeof d.constraint === 'string' ? d.constraint : '';
  const name = typeof d.name === 'string' ? d.name : '';
  if (!constraint.endsWith('gcp.resourceLocations') && !name.endsWith('policies/gcp.resourceLocations')) {
    return undefined;
  }
  const problems: string[] = [];
  let allowed: string[] | undefined;
  let denied: string[] = [];
  const addAllowed = (vs: string[]) => {
    allowed = [...(allowed ?? []), ...vs];
  };
  let allowAll = false;
  let denyAll = false;
  const list = isObj(d.listPolicy) ? d.listPolicy : undefined;
  const spec = isObj(d.spec) ? d.spec : undefined;
  if (list) {
    const a = strings(list.allowedValues);
    if (a) {
      addAllowed(a);
    }
    denied = strings(list.deniedValues) ?? [];
    allowAll = list.allValues === 'ALLOW';
    denyAll = list.allValues === 'DENY';
  } else if (spec && (Array.isArray(spec.rules) || isObj(spec.rules))) {
    // A single rule written as a mapping instead of a one-item list is read as that rule.
    for (const rule of (Array.isArray(spec.rules) ? spec.rules : [spec.rules]) as unknown[]) {
      if (!isObj(rule)) {
        continue;
      }
      if (rule.condition !== undefined) {
        problems.push('has a conditional rule (tags); conditions are not evaluated, so that rule is not applied');
        continue;
      }
      if (rule.allowAll === true || rule.allowAll === 'TRUE') {
        allowAll = true;
      }
      if (rule.denyAll === true || rule.denyAll === 'TRUE') {
        denyAll = true;
      }
      const values = isObj(rule.values) ? rule.values : undefined;
      if (values) {
        const a = strings(values.allowedValues ?? values.allowed_values);
        if (a) {
          addAllowed(a);
        }
        denied = [...denied, ...(strings(values.deniedValues ?? values.denied_values) ?? [])];
      }
    }
  } else {
    return { policies: [], problems: ['names gcp.resourceLocations but has neither spec.rules nor listPolicy'] };
  }
  if (allowAll && !denyAll) {
    allowed = undefined;
  } else if (denyAll) {
    allowed = [];
  } else if (allowed === undefined && denied.length === 0) {
    return { policies: [], problems: ['names gcp.resourceLocations but lists no allowed or denied location'] };
  }
  for (const v of [...(allowed ?? []), ...denied]) {
    const bare = v.replace(/^is:/, '');
    if (bare.startsWith('in:') && !gcpValueGroup(bare.slice(3))) {
      problems.push(
        `value group ${JSON.stringify(shortValue(bare, 60))} is not one this tool knows; it allows nothing here, so placements it would allow are reported as outside`,
      );
    }
  }
  const policy: ResidencyPolicy = {
    kind: 'gcp-resource-locations',
    name: 'GCP organisation policy gcp.resourceLocations',
    file,
    line: lineOf(text, list ? 'listPolicy' : 'rules') ?? lineOf(text, 'gcp.resourceLocations'),
    providers: ['gcp'],
    ...(allowed !== undefined ? { allowed: allowed.map((v) => shortValue(v, 64)) } : {}),
    ...(denied.length ? { denied: denied.map((v) => shortValue(v, 64)) } : {}),
  };
  return { policies: [policy], problems };
}

// --- Azure -----------------------------------------------------------------------------------------

const RESOURCE_GROUPS_DEFINITION = 'e765b5de-1225-4ba3-bd56-1ac6695af988';

/**
 * The first answer `pick` gives for `v` or anything inside it (depth-first, at most 12 levels deep,
 * so that a hostile document cannot make the search unbounded).
 */
function findDeep<T>(v: unknown, pick: (node: Obj) => T | undefined, depth = 0): T | undefined {
  if (depth > 12 || typeof v !== 'object' || v === null) {
    return undefined;
  }
  const here = isObj(v) ? pick(v) : undefined;
  if (here !== undefined) {
    return here;
  }
  for (const child of Object.values(v as Obj)) {
    const hit = findDeep(child, pick, depth + 1);
    if (hit !== undefined) {
      return hit;
    }
  }
  return undefined;
}

/** The first value of `key` anywhere in `v`. */
function findKey(v: unknown, key: string): unknown {
  return findDeep(v, (o) => (key in o ? o[key] : undefined));
}

/** `{ "field": "location", "in": [...] }` (under `not`) or `{ "field": "location", "notIn": [...] }` in a policy rule. */
function literalLocations(rule: unknown): string[] | undefined {
  return findDeep(rule, (o) => {
    if (typeof o.field !== 'string' || o.field.toLowerCase() !== 'location') {
      return undefined;
    }
    const list = arrayOfStrings(o.notIn) ?? arrayOfStrings(o.in);
    // `"in": "[parameters('listOfAllowedLocations')]"` is an expression, not a list of locations.
    return list && !list.some((x) => x.startsWith('[')) ? list : undefined;
  });
}

/** `{ "field": "type", "equals": "Microsoft.Resources/subscriptions/resourceGroups" }` in a policy rule. */
function governsResourceGroups(rule: unknown): boolean {
  return (
    findDeep(rule, (o) =>
      o.field === 'type' &&
      typeof o.equals === 'string' &&
      o.equals.toLowerCase() === 'microsoft.resources/subscriptions/resourcegroups'
        ? true
        : undefined,
    ) === true
  );
}

function azurePolicy(d: Obj, text: string, file: string): ImportResult | undefined {
  const param = findKey(d, 'listOfAllowedLocations');
  const rule = findKey(d, 'policyRule');
  if (param === undefined && rule === undefined) {
    return undefined;
  }
  let values =
    arrayOfStrings(param) ??
    (isObj(param) ? (arrayOfStrings(param.value) ?? arrayOfStrings(param.defaultValue)) : undefined);
  let line = lineOf(text, 'listOfAllowedLocations');
  if (!values && rule !== undefined) {
    values = literalLocations(rule);
    line = lineOf(text, '"field"') ?? line;
  }
  if (!values) {
    if (param === undefined) {
      return undefined;
    }
    return {
      policies: [],
      problems: [
        'names listOfAllowedLocations without its values (a definition needs the assignment that gives them); no policy taken from it',
      ],
    };
  }
  const definitionId = findKey(d, 'policyDefinitionId');
  const displayName = findKey(d, 'displayName');
  const forGroups =
    (typeof definitionId === 'string' && definitionId.toLowerCase().includes(RESOURCE_GROUPS_DEFINITION)) ||
    (typeof displayName === 'string' && /resource groups/i.test(displayName)) ||
    governsResourceGroups(rule);
  const policy: ResidencyPolicy = {
    kind: 'azure-allowed-locations',
    name: `Azure Policy ${JSON.stringify(
      typeof displayName === 'string' && displayName.trim()
        ? shortValue(displayName, 60)
        : forGroups
          ? 'Allowed locations for resource groups'
          : 'Allowed locations',
    )}`,
    file,
    line,
    providers: ['azure'],
    allowed: values.map((v) => shortValue(v, 64)),
    scope: forGroups ? 'resource-groups' : 'resources',
  };
  return { policies: [policy], problems: [] };
}

// --- AWS -------------------------------------------------------------------------------------------

/** Service prefixes of `svc:*` action patterns (a whole service); `*` alone stands for every service. */
function wholeServices(patterns: string[]): string[] {
  return patterns.flatMap((a) => {
    const [svc, action] = a.toLowerCase().split(':');
    return action === '*' ? [svc] : [];
  });
}

function awsPolicy(d: Obj, text: string, file: string): ImportResult | undefined {
  if (d.Statement === undefined) {
    return undefined;
  }
  const statements = Array.isArray(d.Statement) ? (d.Statement as unknown[]) : [d.Statement];
  const policies: ResidencyPolicy[] = [];
  const problems: string[] = [];
  let mentions = false;
  statements.forEach((s, i) => {
    if (!isObj(s) || !isObj(s.Condition)) {
      return;
    }
    for (const [op, cond] of Object.entries(s.Condition)) {
      if (!isObj(cond)) {
        continue;
      }
      const key = Object.keys(cond).find((k) => k.toLowerCase() === 'aws:requestedregion');
      if (!key) {
        continue;
      }
      mentions = true;
      const bareOp = op.replace(/^(ForAnyValue|ForAllValues):/, '').replace(/IfExists$/, '');
      const regions = strings(cond[key]);
      if (s.Effect !== 'Deny' || (bareOp !== 'StringNotEquals' && bareOp !== 'StringNotLike') || !regions) {
        problems.push(
          `statement ${typeof s.Sid === 'string' ? JSON.stringify(shortValue(s.Sid, 40)) : i + 1}: only Deny with StringNotEquals or StringNotLike on aws:RequestedRegion is read; this one is not applied`,
        );
        continue;
      }
      for (const r of regions) {
        if (!/^[a-z0-9*?-]+$/.test(r)) {
          problems.push(
            `value ${JSON.stringify(shortValue(r, 40))} is not a region name or pattern; it allows nothing here, so placements it would allow are reported as outside`,
          );
        }
      }
      // Exemptions for some principals (`ArnNotLike` on `aws:PrincipalARN`) depend on who deploys.
      const principals = Object.values(s.Condition).some(
        (c) => isObj(c) && Object.keys(c).some((k) => /^aws:Principal/i.test(k)),
      );
      const notAction = strings(s.NotAction);
      const action = strings(s.Action);
      const only = action && !action.includes('*') ? wholeServices(action) : undefined;
      policies.push({
        kind: 'aws-requested-region',
        name: `AWS policy${typeof s.Sid === 'string' ? ` ${shortValue(s.Sid, 40)}` : ''} on aws:RequestedRegion`,
        file,
        line: (typeof s.Sid === 'string' ? lineOf(text, s.Sid) : undefined) ?? lineOf(text, key),
        providers: ['aws'],
        allowed: regions.map((v) => shortValue(v, 64)),
        patterns: bareOp === 'StringNotLike',
        ...(notAction ? { exemptServices: wholeServices(notAction) } : {}),
        ...(only ? { onlyServices: only } : {}),
        ...(principals
          ? {
              notes: [
                'its exemption for some principals (aws:Principal… condition) is not evaluated: the policy is applied to every deployment',
              ],
            }
          : {}),
      });
    }
  });
  if (!mentions) {
    return undefined;
  }
  // Statements that repeat the same placeholder report it once.
  return { policies, problems: [...new Set(problems)] };
}
