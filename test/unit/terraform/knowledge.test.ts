import assert from 'node:assert/strict';

import { lookupRegion } from '../../../src/engine/catalog';
import { terraformAnalyzer } from '../../../src/engine/terraform/analyzer';
import { fileKind, isOverride, selectConfigFiles } from '../../../src/engine/terraform/config/files';
import { regionSpec, zoneToRegion } from '../../../src/engine/terraform/knowledge/region-attributes';
import { dataClassOf, isGlobalType } from '../../../src/engine/terraform/knowledge/resource-classes';

describe('terraform knowledge tables', () => {
  it('classifies global services', () => {
    for (const t of [
      'aws_cloudfront_distribution',
      'aws_route53_record',
      'aws_iam_role',
      'azurerm_frontdoor',
      'azurerm_dns_zone',
      'google_compute_global_address',
      'google_dns_managed_zone',
      'google_storage_bucket_iam_member',
    ]) {
      assert.equal(isGlobalType(t), true, t);
    }
    for (const t of [
      'aws_s3_bucket',
      'aws_route53_resolver_endpoint',
      'google_compute_instance',
      'azurerm_storage_account',
      'google_compute_network_endpoint_group',
    ]) {
      assert.equal(isGlobalType(t), false, t);
    }
    assert.equal(isGlobalType('aws_wafv2_web_acl', 'CLOUDFRONT'), true);
    assert.equal(isGlobalType('aws_wafv2_web_acl', 'REGIONAL'), false);
  });

  it('tells which resource types hold customer data', () => {
    for (const t of [
      'aws_s3_bucket',
      'aws_db_instance',
      'azurerm_key_vault',
      'google_sql_database_instance',
      'hcloud_server',
      'aws_ecr_repository',
      'aws_cloudwatch_log_group',
    ]) {
      assert.equal(dataClassOf(t), 'customer-data', t);
    }
    for (const t of [
      'aws_vpc',
      'aws_security_group',
      'azurerm_virtual_network',
      'aws_iam_role_policy',
      'google_compute_firewall',
      // Data words in the name, but networking or keys: named in an explicit table, not guessed.
      'aws_db_subnet_group',
      'aws_redshift_subnet_group',
      'aws_elasticache_subnet_group',
      'azurerm_storage_account_customer_managed_key',
    ]) {
      assert.equal(dataClassOf(t), 'no-customer-data', t);
    }
  });

  it('knows where each provider takes the region from', () => {
    assert.deepEqual(regionSpec('aws').provider, ['region']);
    assert.deepEqual(regionSpec('azurerm').resource, ['location']);
    assert.deepEqual(regionSpec('google-beta'), regionSpec('google'));
  });

  it('maps zones the catalog does not list to their region by naming scheme, and nothing else', () => {
    // The catalog resolves AWS zones itself now; either way a zone must end up at its region.
    assert.equal(
      zoneToRegion('aws', 'eu-central-1a') ?? lookupRegion('aws', 'eu-central-1a')?.effective.id,
      'eu-central-1',
    );
    assert.equal(zoneToRegion('aws', 'eu-central-1'), undefined);
    assert.equal(zoneToRegion('aws', 'eu-centrall-1'), undefined);
  });

  it('loads .tofu over .tf of the same name, override files last', () => {
    const sel = selectConfigFiles([
      '/m/main.tf',
      '/m/main.tofu',
      '/m/b.tf',
      '/m/x_override.tf',
      '/m/vars.tf.json',
      '/m/terraform.tfvars',
    ]);
    assert.deepEqual(sel, { primary: ['/m/b.tf', '/m/main.tofu', '/m/vars.tf.json'], overrides: ['/m/x_override.tf'] });
    assert.equal(isOverride('/m/override.tf.json'), true);
  });

  it('claims Terraform, OpenTofu, variables and Terragrunt files, and JSON files that may be plans', () => {
    for (const f of [
      '/a/main.tf',
      '/a/main.tofu',
      '/a/x.tf.json',
      '/a/x.tofu.json',
      '/a/terraform.tfvars',
      '/a/prod.tfvars.json',
      '/a/terragrunt.hcl',
      '/a/plan.json',
    ]) {
      assert.equal(terraformAnalyzer.claims(f), true, f);
    }
    for (const f of ['/a/main.bicep', '/a/config.hcl', '/a/package.json', '/a/main.tf.bak']) {
      assert.equal(terraformAnalyzer.claims(f), false, f);
    }
    assert.equal(fileKind('/a/terragrunt.hcl'), 'terragrunt');
  });
});
