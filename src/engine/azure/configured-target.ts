import type { LensConfig } from '../config';
import { fromCliText, str, type Value, withStep } from './value';

/**
 * What the configuration tells both Azure analyzers: the deployment target locations a user gives
 * (`--deployment-location` and `--resource-group-location`, `deploymentLocation`/`resourceGroupLocation`
 * in the project file, or the `cloudActLens.azure.*` settings), and `--var` values, each with its provenance.
 */
export function configuredTarget(config: LensConfig): { deploymentLocation?: Value; resourceGroupLocation?: Value } {
  const given = (v: string | undefined, description: string) =>
    v === undefined ? undefined : withStep(str(v), { description });
  return {
    deploymentLocation: given(
      config.deploymentLocation,
      'deployment().location given as deploymentLocation in the configuration',
    ),
    resourceGroupLocation: given(
      config.resourceGroupLocation,
      'resourceGroup().location given as resourceGroupLocation in the configuration',
    ),
  };
}

/** `--var name=value` and settings: JSON for arrays, objects, numbers and booleans, else the text. */
export function configuredVars(config: LensConfig, describe: (name: string) => string): Map<string, Value> {
  return new Map(
    Object.entries(config.vars).map(([k, v]) => [k, withStep(fromCliText(v), { description: describe(k) })]),
  );
}
