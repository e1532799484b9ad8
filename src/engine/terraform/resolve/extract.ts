import type { ExtractedResource, SourceRange } from '../../model';
import type { ResourceDecl } from '../config/module-config';
import { dataClassOf } from '../knowledge/resource-classes';
import { extractCopies } from './copies';
import { knownOrOpaque } from './module-calls';
import type { ModuleInstance } from './module-instance';
import { azapiType, resolveRegion } from './region';

function headerRange(decl: ResourceDecl): SourceRange {
  const labels = decl.block.labels;
  const end = labels.length > 0 ? labels[labels.length - 1].range.end : decl.block.typeRange.end;
  return { start: decl.block.typeRange.start, end };
}

/**
 * Lists every managed resource instance of a module instance and, recursively, of its child module
 * instances, with its provider, region and provenance. Resources of providers the catalog does not
 * know (random, null, tls, kubernetes, ...) are not placements and are skipped.
 */
export function extractResources(
  inst: ModuleInstance,
  add: (r: ExtractedResource) => void,
  seen = new Set<string>(),
): void {
  for (const decl of inst.cfg.resources) {
    for (const ri of knownOrOpaque(inst.instancesOf(decl))) {
      // An azapi resource is classified by the ARM type it names, as in Bicep and ARM templates.
      const azure = azapiType(inst, decl, ri);
      const r = resolveRegion(inst, decl, ri, 0, azure);
      if (!r.providerId || r.notPlaced) {
        continue;
      }
      // One flat string (see module-config.ts): addresses are kept in `seen` for the whole extraction.
      const address = [inst.address ? `${inst.address}.` : '', decl.type, '.', decl.name, ri.suffix].join('');
      if (seen.has(address)) {
        continue;
      }
      seen.add(address);
      add({
        language: 'terraform',
        file: decl.file,
        range: decl.block.range,
        headerRange: headerRange(decl),
        type: decl.type,
        name: decl.name,
        address,
        module: inst.address,
        provider: r.providerId,
        region: r.region,
        regionLocation: r.regionLocation,
        provenance: r.provenance,
        dataClass: azure?.info?.dataClass ?? dataClassOf(decl.type),
        global: r.global || azure?.info?.global === true,
        instanceKey: ri.key,
        copies: extractCopies(inst, decl, ri, r),
      });
    }
  }
  for (const call of inst.cfg.modules.values()) {
    const children = inst.moduleInstances(call);
    if (Array.isArray(children)) {
      for (const child of children) {
        extractResources(child.value, add, seen);
      }
    }
  }
}
