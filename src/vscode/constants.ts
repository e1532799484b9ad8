/** Every command id in one place (package.json must match; a unit test checks it). */
export const COMMANDS = {
  showReport: 'cloudActLens.showReport',
  exportReport: 'cloudActLens.exportReport',
  explainRegion: 'cloudActLens.explainRegion',
  rescanWorkspace: 'cloudActLens.rescanWorkspace',
  suppressFinding: 'cloudActLens.suppressFinding',
  suppressRuleInFile: 'cloudActLens.suppressRuleInFile',
  acceptInProjectFile: 'cloudActLens.acceptInProjectFile',
  toggleCodeLens: 'cloudActLens.toggleCodeLens',
  setAzureLocation: 'cloudActLens.setAzureLocation',
} as const;

export const DIAGNOSTIC_SOURCE = 'CLOUD Act Lens';
export const CONFIG_SECTION = 'cloudActLens';
