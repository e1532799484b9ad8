import type { Node } from 'jsonc-parser';

import {
  type AzureTypeInfo,
  classifyAzureType,
  isDeployment,
  placedWithoutLocation,
  regionFrom,
} from '../azure/resource-kinds';
import { truthy, type Value } from '../azure/value';
import type { AnalysisError, ExtractedResource } from '../model';
import { armCopies } from './copies';
import { type ArmDocument, entries, locate, prop, propNode, stringAt } from './document';
import type { Scope } from './evaluate';
import { nodeToVal } from './node-value';

/** ARM's own limit on copy loop iterations. */
export const MAX_COPY = 800;

/** A placement candidate before duplicates across loop iterations and parameter files are merged. */
export interface Candidate {
  resource: ExtractedResource;
  /** Loop indices and parameter file that produced it, outermost first. */
  instance: string[];
}

/** Everything a walk over one template (and the templates nested in it) shares. */
export interface Walk {
  out: Candidate[];
  errors: AnalysisError[];
  /** Nested deployments are handed back to the caller, which resolves inline and linked templates. */
  deployment(w: WalkFrame, resource: Node, name: string, address: string, scope: Scope, instance: string[]): void;
  /** Classification of resource types already seen (a template repeats few types many times). */
  kinds: Map<string, AzureTypeInfo>;
  /** Locations of resource groups declared in the templates, by lower-case name. */
  resourceGroups: Map<string, Value>;
}

/** One template being walked: its document, scope, and where it sits in the nesting. */
export interface WalkFrame {
  walk: Walk;
  doc: ArmDocument;
  scope: Scope;
  /** Address prefix of nested deployments, e.g. `Microsoft.Resources/deployments/storage/`. */
  prefix: string;
  module: string | null;
  /** Loop indices of enclosing nested deployments. */
  instance: string[];
  depth: number;
  /** The `resources` of the template being walked (its top level), where copy rules look up resources. */
  templateResources?: Node;
}

function iterations(frame: WalkFrame, res: Node): Array<{ name: string; index: number | undefined } | undefined> {
  const copy = prop(res, 'copy');
  if (!copy) {
    return [undefined];
  }
  const name = stringAt(copy, 'name') ?? 'copy';
  const countNode = prop(copy, 'count');
  const count = countNode ? nodeToVal(frame.doc, countNode, frame.scope) : undefined;
  const n = count?.k === 'number' ? count.v : count?.k === 'string' ? Number(count.v) : NaN;
  if (!Number.isInteger(n) || n < 0) {
    // Unknown count: one instance whose copyIndex() stays unknown.
    return [{ name, index: undefined }];
  }
  const out: Array<{ name: string; index: number }> = [];
  for (let i = 0; i < Math.min(n, MAX_COPY); i++) {
    out.push({ name, index: i });
  }
  return out;
}

/** Walks `resources` (an array, or an object of symbolic names with languageVersion 2.0) of one template. */
export function walkResources(
  frame: WalkFrame,
  resources: Node | undefined,
  parent?: { type: string; name: string },
): void {
  if (!resources || frame.depth > 32) {
    return;
  }
  if (parent === undefined) {
    frame = { ...frame, templateResources: resources };
  }
  const list: Array<[string | undefined, Node]> =
    resources.type === 'object'
      ? entries(resources).map(([k, v]) => [k, v])
      : (resources.children ?? []).map((c) => [undefined, c]);
  for (const [symbol, res] of list) {
    if (res.type === 'object') {
      walkResource(frame, res, symbol, parent);
    }
  }
}

function walkResource(
  frame: WalkFrame,
  res: Node,
  symbol: string | undefined,
  parent?: { type: string; name: string },
): void {
  const rawType = stringAt(res, 'type');
  if (!rawType || prop(res, 'existing')?.value === true) {
    return;
  }
  // Child resources declared inside their parent name their type and name relative to it.
  const relative = parent !== undefined && !rawType.split('/')[0].includes('.');
  const type = relative ? `${parent.type}/${rawType}` : rawType;
  const rawName = stringAt(res, 'name') ?? '';
  const name = relative && !rawName.startsWith('[') ? `${parent.name}/${rawName}` : rawName;
  const address = `${frame.prefix}${symbol ?? `${type}/${name}`}`;
  for (const loop of iterations(frame, res)) {
    const scope: Scope = loop ? { ...frame.scope, loops: [...frame.scope.loops, loop] } : frame.scope;
    const instance = loop?.index !== undefined ? [...frame.instance, String(loop.index)] : frame.instance;
    const condition = prop(res, 'condition');
    if (condition && truthy(nodeToVal(frame.doc, condition, scope)) === false) {
      continue;
    }
    if (isDeployment(type)) {
      frame.walk.deployment(frame, res, name, address, scope, instance);
      continue;
    }
    place(frame, res, type, name, address, scope, instance);
  }
  walkResources({ ...frame, depth: frame.depth + 1 }, prop(res, 'resources'), { type, name });
}

function place(
  frame: WalkFrame,
  res: Node,
  type: string,
  name: string,
  address: string,
  scope: Scope,
  instance: string[],
): void {
  const doc = frame.doc;
  if (doc.errorOffset !== undefined && res.offset + res.length > doc.errorOffset) {
    return;
  }
  let info = frame.walk.kinds.get(type);
  if (!info) {
    info = classifyAzureType(type);
    frame.walk.kinds.set(type, info);
  }
  const locNode = prop(res, 'location');
  if (!locNode && !placedWithoutLocation(info)) {
    return;
  }
  const val: Value | undefined = locNode ? nodeToVal(doc, locNode, scope) : undefined;
  const label = address.includes('[') ? type : address.slice(address.lastIndexOf('/') + 1);
  const region = regionFrom(val, label, info.global);
  const typeProp = propNode(res, 'type') ?? res;
  const regionLocation = val?.loc ?? (locNode ? locate(doc, locNode) : undefined);
  const isGlobal = info.global || (region.kind === 'known' && region.value.toLowerCase() === 'global');
  frame.walk.out.push({
    instance,
    resource: {
      language: 'arm',
      file: doc.file,
      range: locate(doc, res).range,
      headerRange: locate(doc, typeProp).range,
      type,
      name,
      address,
      module: frame.module,
      provider: 'azure',
      region,
      regionLocation,
      provenance: locNode ? [{ description: 'location', location: locate(doc, locNode) }, ...(val?.prov ?? [])] : [],
      dataClass: info.dataClass,
      global: isGlobal,
      copies: armCopies(type, doc, res, scope, region, frame.templateResources),
    },
  });
}
