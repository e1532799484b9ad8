import * as vscode from 'vscode';

import { catalog } from '../engine';
import { COMMANDS, CONFIG_SECTION } from './constants';

/** Which value a template leaves to deployment time: `resourceGroup().location` or `deployment().location`. */
export type AzureLocationKind = 'resourceGroup' | 'deployment';

export interface SetAzureLocationArgs {
  kind?: AzureLocationKind;
  /** A file of the workspace folder whose setting is written. */
  uri?: string;
  /** The region, when known (tests, or a caller that already asked). */
  region?: string;
}

const SETTING: Record<AzureLocationKind, string> = {
  resourceGroup: 'azure.resourceGroupLocation',
  deployment: 'azure.deploymentLocation',
};

/** The kind of location a CAL002 message says is missing, if it is one a setting can give. */
export function missingAzureLocation(message: string): AzureLocationKind | undefined {
  if (message.includes('resourceGroup().location')) {
    return 'resourceGroup';
  }
  if (message.includes('deployment().location')) {
    return 'deployment';
  }
  return undefined;
}

/**
 * Sets where this workspace's Azure templates deploy to (the folder setting, an explicit action of the
 * user): what resolves most CAL002 findings of Azure modules, which take their region from the resource
 * group or the deployment.
 */
export function registerSetAzureLocation(): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.setAzureLocation, async (raw?: SetAzureLocationArgs) => {
    const args = raw ?? {};
    const kind =
      args.kind ??
      (
        await vscode.window.showQuickPick(
          [
            {
              label: 'Resource group location',
              description: 'resourceGroup().location',
              value: 'resourceGroup' as const,
            },
            { label: 'Deployment location', description: 'deployment().location', value: 'deployment' as const },
          ],
          { title: 'CLOUD Act Lens: which location do your templates leave open?' },
        )
      )?.value;
    if (!kind) {
      return false;
    }
    const region =
      args.region ??
      (
        await vscode.window.showQuickPick(
          catalog
            .listRegions('azure')
            .filter((r) => r.kind === 'region')
            .map((r) => ({ label: r.id, description: r.name, detail: r.country ?? undefined })),
          {
            title: `CLOUD Act Lens: the ${kind === 'resourceGroup' ? 'resource group' : 'deployment'} location`,
            matchOnDescription: true,
          },
        )
      )?.label;
    if (!region) {
      return false;
    }
    const scope = args.uri ? vscode.Uri.parse(args.uri) : vscode.window.activeTextEditor?.document.uri;
    const folder = scope ? vscode.workspace.getWorkspaceFolder(scope) : undefined;
    await vscode.workspace
      .getConfiguration(CONFIG_SECTION, folder?.uri)
      .update(
        SETTING[kind],
        region,
        folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global,
      );
    return true;
  });
}
