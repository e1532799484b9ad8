// What a template can ask about where it is deployed (`resourceGroup()`, `deployment()`,
// `subscription()`, ...): objects whose location is known when the configuration gives it, otherwise
// unknown with the reason, the same for Bicep and ARM JSON.
import type { SourceLocation } from '../model';
import { str, unknown, type Value } from './value';

/** Scope functions whose values are known only at deployment. */
export const OTHER_SCOPES: Record<string, string> = {
  subscription: 'it comes from subscription(), which is known only at deployment',
  managementgroup: 'it comes from managementGroup(), which is known only at deployment',
  tenant: 'it comes from tenant(), which is known only at deployment',
};

export const ANOTHER_RESOURCE_GROUP = 'it is the location of another resource group, known only at deployment';
const RESOURCE_GROUP =
  'it is resourceGroup().location, the location of the resource group the template is deployed to, chosen at deployment';
const DEPLOYMENT = 'it is deployment().location, the location chosen when the deployment is started';

/** `resourceGroup()` of a template deployed to a resource group in `location` (unknown: chosen at deployment). */
export function resourceGroupObject(location: Value = unknown(RESOURCE_GROUP)): Value {
  const later = unknown('the resource group is chosen at deployment');
  return {
    k: 'object',
    props: new Map([
      ['location', location],
      ['name', later],
      ['id', later],
    ]),
  };
}

/** `deployment()` of a template started at `location`; `file` gives `properties.templateLink.uri`. */
export function deploymentObject(location: Value = unknown(DEPLOYMENT), file?: string): Value {
  const props = new Map([
    ['location', location],
    ['name', unknown('the deployment name is chosen at deployment')],
  ]);
  if (file !== undefined) {
    const link = new Map([['uri', str(`file://${encodeURI(file)}`)]]);
    props.set('properties', { k: 'object', props: new Map([['templateLink', { k: 'object', props: link }]]) });
  }
  return { k: 'object', props };
}

/** A scope object whose location, name and id are known only at deployment. */
export function scopeObject(reason: string, location = reason): Value {
  return {
    k: 'object',
    props: new Map([
      ['location', unknown(location)],
      ['name', unknown(`${reason} (its name)`)],
      ['id', unknown(`${reason} (its id)`)],
    ]),
  };
}

/** Values known only at deployment point at the expression that asked for them. */
export function located(v: Value, at: SourceLocation | undefined): Value {
  if (v.k === 'object') {
    const props = new Map([...v.props].map(([k, x]) => [k, x.k === 'unknown' && !x.loc ? { ...x, loc: at } : x]));
    return { ...v, props };
  }
  return v.k === 'unknown' && !v.loc ? { ...v, loc: at } : v;
}
