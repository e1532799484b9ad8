/**
 * Provenance of the deployment target locations a user gives (`--deployment-location` and
 * `--resource-group-location`, `deploymentLocation`/`resourceGroupLocation` in the project file, or the
 * `cloudActLens.azure.*` settings), shared by the Bicep and ARM analyzers.
 */
export const CONFIGURED_DEPLOYMENT_LOCATION = 'deployment().location given as deploymentLocation in the configuration';
export const CONFIGURED_RESOURCE_GROUP_LOCATION =
  'resourceGroup().location given as resourceGroupLocation in the configuration';
