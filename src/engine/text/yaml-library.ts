import type * as Yaml from 'yaml';

let yaml: typeof Yaml | undefined;

/**
 * The YAML library, loaded when YAML is first read (`yamldecode`, a residency policy file in YAML):
 * evaluating it at start-up cost every CLI run about 25 ms (measured), and most scans never read YAML.
 * Import only its types elsewhere; a value import would load it at start-up again.
 */
export function yamlLibrary(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  yaml ??= require('yaml') as typeof Yaml;
  return yaml;
}
