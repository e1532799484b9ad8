import assert from 'node:assert/strict';

import { analysesDocument } from '../../../src/engine';

/** The editor asks the engine which open documents to analyse; it keeps no list of its own. */
describe('analysesDocument: which documents the engine analyses', () => {
  const never = () => {
    throw new Error('the text is read only for JSON');
  };

  it('claims Terraform, OpenTofu, Terragrunt and Bicep files by name, without reading them', () => {
    for (const p of [
      '/r/main.tf',
      '/r/main.tofu',
      '/r/main.tf.json',
      '/r/main.tofu.json',
      '/r/prod.tfvars',
      '/r/prod.tfvars.json',
      '/r/live/terragrunt.hcl',
      '/r/main.bicep',
      '/r/main.bicepparam',
    ]) {
      assert.equal(analysesDocument(p, never), true, p);
    }
  });

  it('takes a JSON file when its text may be an ARM template, a parameter file or a Terraform plan', () => {
    const arm = '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#" }';
    const params = '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#" }';
    const plan = '{ "format_version": "1.2", "planned_values": {} }';
    assert.equal(
      analysesDocument('/r/azuredeploy.json', () => arm),
      true,
    );
    assert.equal(
      analysesDocument('/r/azuredeploy.parameters.jsonc', () => params),
      true,
    );
    assert.equal(
      analysesDocument('/r/plan.json', () => plan),
      true,
    );
    assert.equal(
      analysesDocument('/r/data.json', () => '{ "a": 1 }'),
      false,
    );
  });

  it('leaves other files alone, the project file and package.json included', () => {
    assert.equal(analysesDocument('/r/.cloud-act-lens.json', never), false);
    assert.equal(analysesDocument('/r/package.json', never), false);
    assert.equal(analysesDocument('/r/README.md', never), false);
    assert.equal(analysesDocument('/r/main.hcl', never), false);
  });
});
