import type { Node } from 'jsonc-parser';

import { deploymentObject, resourceGroupObject } from '../azure/functions';
import { asString, unknown, type Value, withStep } from '../azure/value';
import { basename } from '../workspace/paths';
import { type ArmDocument, entries, locate, prop, stringAt } from './document';
import type { Scope } from './evaluate';
import { nodeToVal } from './node-value';
import { templateScope } from './scope';
import { type Walk, type WalkFrame, walkResources } from './walk';

/** Nested deployments deeper than this are not followed (ARM itself allows few levels). */
export const MAX_NESTING = 8;

/** A linked template to load after the synchronous walk (file reads are asynchronous). */
export interface PendingLink {
  path: string;
  /** The `templateLink` object that names the file, and the name as written there. */
  at: Node;
  written: string;
  from: WalkFrame;
  params: Map<string, Value>;
  resourceGroup: () => Value;
  deployment: () => Value;
  prefix: string;
  module: string;
  instance: string[];
}

/** Records the locations of resource groups a template creates, so that deployments into them can be resolved. */
export function collectResourceGroups(frame: WalkFrame, resources: Node | undefined): void {
  const list = resources?.type === 'object' ? entries(resources).map((e) => e[1]) : (resources?.children ?? []);
  for (const res of list) {
    if (stringAt(res, 'type')?.toLowerCase() !== 'microsoft.resources/resourcegroups' || prop(res, 'copy')) {
      continue;
    }
    const nameNode = prop(res, 'name');
    const locNode = prop(res, 'location');
    const name = nameNode && asString(nodeToVal(frame.doc, nameNode, frame.scope));
    if (name && locNode) {
      const loc = nodeToVal(frame.doc, locNode, frame.scope);
      frame.walk.resourceGroups.set(
        name.toLowerCase(),
        withStep(loc, { description: `resource group '${name}' location`, location: locate(frame.doc, locNode) }),
      );
    }
  }
}

function passedParameters(frame: WalkFrame, props: Node | undefined, scope: Scope, name: string): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const [key, entry] of entries(prop(props, 'parameters'))) {
    const value = prop(entry, 'value');
    const where = locate(frame.doc, value ?? entry);
    const step = { description: `parameter '${key}' passed by deployment '${name}'`, location: where };
    out.set(
      key.toLowerCase(),
      value
        ? withStep(nodeToVal(frame.doc, value, scope), step)
        : unknown(`parameter '${key}' is read from Key Vault at deployment`, where),
    );
  }
  return out;
}

/** A local path for a linked template: `templateLink.relativePath`, or a `file:` URI built from deployment(). */
function linkedPath(doc: ArmDocument, link: Node, scope: Scope): string | undefined {
  const rel = stringAt(link, 'relativePath');
  if (rel !== undefined) {
    try {
      return decodeURIComponent(new URL(rel, `file://${encodeURI(doc.file)}`).pathname);
    } catch {
      return undefined;
    }
  }
  const uriNode = prop(link, 'uri');
  const uri = uriNode ? nodeToVal(doc, uriNode, scope) : undefined;
  if (uri?.k === 'string' && uri.v.startsWith('file://')) {
    try {
      return decodeURIComponent(new URL(uri.v).pathname);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Follows a `Microsoft.Resources/deployments` resource: inline templates are walked at once (inner or
 * outer expression scope), linked local templates are queued in `pending`.
 */
export function followDeployment(
  pending: PendingLink[],
  frame: WalkFrame,
  res: Node,
  rawName: string,
  address: string,
  scope: Scope,
  instance: string[],
): void {
  if (frame.depth >= MAX_NESTING) {
    return;
  }
  const doc = frame.doc;
  const props = prop(res, 'properties');
  const nameVal = nodeToVal(doc, prop(res, 'name') ?? res, scope);
  const name = nameVal.k === 'string' ? nameVal.v : rawName;
  const rgNode = prop(res, 'resourceGroup');
  let resourceGroup = scope.resourceGroup;
  if (rgNode) {
    const rg = asString(nodeToVal(doc, rgNode, scope));
    const known = rg === undefined ? undefined : frame.walk.resourceGroups.get(rg.toLowerCase());
    const location =
      known ??
      unknown(`it is the location of resource group '${rg ?? rawName}', which is not created in this template`);
    resourceGroup = () => resourceGroupObject(location);
  }
  const locNode = prop(res, 'location');
  const deployment = locNode ? () => deploymentObject(nodeToVal(doc, locNode, scope), doc.file) : scope.deployment;
  const module = frame.module ? `${frame.module}/${name}` : name;
  const prefix = `${address}/`;
  const inner = stringAt(prop(props, 'expressionEvaluationOptions'), 'scope')?.toLowerCase() === 'inner';
  const template = prop(props, 'template');
  const link = prop(props, 'templateLink');
  if (template) {
    const innerScope: Scope = inner
      ? templateScope(doc, template, {
          params: passedParameters(frame, props, scope, name),
          resourceGroup,
          deployment,
          budget: scope.budget,
        })
      : { ...scope, resourceGroup, deployment };
    const child: WalkFrame = { ...frame, scope: innerScope, prefix, module, instance, depth: frame.depth + 1 };
    collectResourceGroups(child, prop(template, 'resources'));
    walkResources(child, prop(template, 'resources'));
  } else if (link) {
    const path = linkedPath(doc, link, scope);
    if (path) {
      const params = passedParameters(frame, props, scope, name);
      const written = stringAt(link, 'relativePath') ?? basename(path);
      pending.push({
        path,
        at: link,
        written,
        from: frame,
        params,
        resourceGroup,
        deployment,
        prefix,
        module,
        instance,
      });
    } else {
      frame.walk.errors.push({
        file: doc.file,
        range: locate(doc, link).range,
        message:
          'linked template not read, so what it deploys is not in this report: remote templates are never downloaded',
        notRead: { kind: 'arm-linked-template' },
      });
    }
  }
}

export type { Walk };
