import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const PLANS = path.join(ROOT, 'test/fixtures/terraform-plans');

interface JsonCopy {
  kind: string;
  region: string | null;
  country: string | null;
  unresolvedReason: string | null;
  provenance: string;
}

interface JsonResource {
  copies: JsonCopy[];
  address: string;
  region: string | null;
  country: string | null;
  provenance: string;
  unresolvedReason: string | null;
  findings: string[];
  instanceKey: string | null;
}

function scan(target: string): { resources: JsonResource[]; errors: unknown[] } {
  const r = spawnSync(process.execPath, [CLI, 'scan', target, '--format', 'json', '--fail-on', 'none'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { resources: JsonResource[]; errors: unknown[] };
}

/** Runs `body` in a fresh temporary folder, removed afterwards. */
function inTempDir(body: (dir: string) => void): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'cal-plan-'));
  try {
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const lines = (doc: { resources: JsonResource[] }) =>
  doc.resources.map((x) => `${x.address} ${x.region ?? '?'} ${x.country ?? '-'} ${x.findings.join('+')}`).sort();

/** Terraform plans as JSON (`terraform show -json`), through the CLI's JSON contract. */
describe('terraform plan JSON through the CLI', () => {
  before(() => {
    const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });

  it('AWS: provider aliases and a region from a variable value, a child module per for_each key, a resource-level region', () => {
    const doc = scan(path.join(PLANS, 'aws'));
    assert.deepEqual(doc.errors, []);
    assert.deepEqual(lines(doc), [
      'aws_iam_role.app global - CAL003',
      'aws_s3_bucket.logs eu-central-1 DE CAL001',
      'aws_s3_bucket.replica us-east-1 US ',
      'module.db["orders"].aws_dynamodb_table.this eu-central-1 DE CAL001',
      'module.db["tokyo"].aws_dynamodb_table.this ap-northeast-1 JP CAL001',
    ]);
    // Data sources and the resource being deleted (only in resource_changes) are not placements.
    const logs = doc.resources.find((r) => r.address === 'aws_s3_bucket.logs')!;
    assert.match(
      logs.provenance,
      /aws_s3_bucket\.logs in plan\.json \(planned values\).*provider "aws" region in plan\.json ← var\.region in plan\.json/,
    );
  });

  it('azurerm: location from the planned values, count instances by index', () => {
    const doc = scan(path.join(PLANS, 'azurerm'));
    assert.deepEqual(lines(doc), [
      'azurerm_resource_group.main westeurope NL CAL001',
      'azurerm_storage_account.data[0] germanywestcentral DE CAL001',
      'azurerm_storage_account.data[1] switzerlandnorth CH CAL001',
    ]);
    assert.deepEqual(
      doc.resources.map((r) => r.instanceKey),
      [null, '0', '1'],
    );
  });

  it('google: a multi-region, a zone, a global service, a provider without a region (unresolved, with the reason), Spanner instances by their configuration', () => {
    const doc = scan(path.join(PLANS, 'google'));
    assert.deepEqual(lines(doc), [
      'google_compute_instance.vm europe-west3-a DE CAL001',
      'google_compute_subnetwork.app ? - CAL002',
      'google_pubsub_topic.events global - CAL003',
      'google_spanner_instance.custom ? - CAL002',
      'google_spanner_instance.frankfurt europe-west3 DE CAL001',
      'google_spanner_instance.multi spanner:eur3 - CAL001+CAL008',
      'google_storage_bucket.eu EU - CAL001',
    ]);
    const subnet = doc.resources.find((r) => r.address === 'google_compute_subnetwork.app')!;
    assert.match(subnet.unresolvedReason ?? '', /nor the google provider sets a region/);
    const custom = doc.resources.find((r) => r.address === 'google_spanner_instance.custom')!;
    assert.match(
      custom.unresolvedReason ?? '',
      /custom Spanner instance configuration "custom-orders" is not declared here \(no google_spanner_instance_config of that name\)/,
    );
    const multi = doc.resources.find((r) => r.address === 'google_spanner_instance.multi')!;
    assert.deepEqual(
      multi.copies.map((c) => c.region),
      ['europe-west1', 'europe-west4', 'europe-north1'],
    );
  });

  it('a plan beside the configuration it was made from wins, and says so', () => {
    inTempDir((dir) => {
      cpSync(path.join(PLANS, 'aws/plan.json'), path.join(dir, 'plan.json'));
      writeFileSync(
        path.join(dir, 'main.tf'),
        'provider "aws" {\n  region = "eu-west-1"\n}\nresource "aws_s3_bucket" "logs" {}\n',
      );
      const doc = scan(dir);
      assert.equal(doc.resources.filter((r) => r.address === 'aws_s3_bucket.logs').length, 1);
      const logs = doc.resources.find((r) => r.address === 'aws_s3_bucket.logs')!;
      assert.equal(logs.region, 'eu-central-1');
      assert.match(logs.provenance, /used instead of the configuration in cal-plan-\w+\//);
    });
  });

  it('reports a plan of an unsupported major format version instead of guessing', () => {
    inTempDir((dir) => {
      writeFileSync(
        path.join(dir, 'plan.json'),
        JSON.stringify({ format_version: '2.0', planned_values: { root_module: {} } }),
      );
      const r = spawnSync(process.execPath, [CLI, 'scan', dir, '--format', 'json', '--fail-on', 'none'], {
        encoding: 'utf8',
      });
      const doc = JSON.parse(r.stdout) as { errors: Array<{ message: string }> };
      assert.match(doc.errors[0]?.message ?? '', /plan format 2\.x is not supported/);
    });
  });

  describe('copies of the data, read from the planned values with the same table as configuration', () => {
    const copyLines = (doc: { resources: JsonResource[] }) =>
      doc.resources
        .flatMap((r) => r.copies.map((c) => `${r.address} ${c.kind} ${c.region ?? '?'} ${c.country ?? '-'}`))
        .sort();

    it('replicas, replication (also through other resources), geo-redundant pairs (with the default), dual-region members, Aurora global databases, 2017 global tables, blob object replication, BigQuery dataset copies, custom Spanner configurations; after-apply values say so', () => {
      const doc = scan(path.join(PLANS, 'copies'));
      assert.deepEqual(doc.errors, []);
      assert.deepEqual(copyLines(doc), [
        'aws_db_instance.primary replica us-east-1 US',
        'aws_dynamodb_global_table.sessions replica eu-west-1 IE',
        'aws_dynamodb_table.orders replica ap-southeast-2 AU',
        'aws_dynamodb_table.orders replica eu-west-3 FR',
        'aws_rds_cluster.eu replica us-east-1 US',
        'aws_rds_cluster.us replica eu-central-1 DE',
        'aws_s3_bucket.source replication us-east-1 US',
        'aws_secretsmanager_secret.api replication ? -',
        'azurerm_cosmosdb_account.db replica eastus2 US',
        'azurerm_recovery_services_vault.backup geo-redundancy germanynorth DE',
        'azurerm_storage_account.brazil geo-redundancy southcentralus US',
        'azurerm_storage_account.docs_de replication eastus US',
        'google_bigquery_dataset.bq_exported replication ? -',
        'google_bigquery_dataset.bq_source replication us-east1 US',
        'google_spanner_instance.custom multi-region us-central1 US',
        'google_spanner_instance.custom multi-region us-central2 US',
        'google_spanner_instance.custom multi-region us-east1 US',
        'google_spanner_instance.custom replica us-west1 US',
        'google_spanner_instance.custom_by_name replica europe-west2 GB',
        'google_storage_bucket.archive multi-region europe-north1 FI',
        'google_storage_bucket.archive multi-region europe-west4 NL',
      ]);
      const secret = doc.resources.find((r) => r.address === 'aws_secretsmanager_secret.api')!;
      assert.match(secret.copies[0].unresolvedReason ?? '', /only after apply/);
      const orders = doc.resources.find((r) => r.address === 'aws_dynamodb_table.orders')!;
      assert.match(
        orders.copies[0].provenance,
        /replica\.region_name "(eu-west-3|ap-southeast-2)" in the planned values at .*plan\.json:\d+/,
      );
      assert.ok(orders.findings.includes('CAL008'));
      const source = doc.resources.find((r) => r.address === 'aws_s3_bucket.source')!;
      assert.match(
        source.copies[0].provenance,
        /^replication configuration aws_s3_bucket_replication_configuration\.repl at .*plan\.json:\d+ ← aws_s3_bucket\.dest in plan\.json/,
      );
    });

    it('gives the same copies as the configuration the plan was made from', () => {
      inTempDir((dir) => {
        writeFileSync(
          path.join(dir, 'main.tf'),
          [
            'provider "aws" {\n  region = "eu-central-1"\n}',
            'provider "azurerm" {\n  features {}\n}',
            'provider "google" {\n  region = "europe-west3"\n}',
            'provider "aws" {\n  alias  = "us"\n  region = "us-east-1"\n}',
            'resource "aws_s3_bucket" "source" {\n  bucket = "invoices-eu"\n}',
            'resource "aws_s3_bucket" "dest" {\n  provider = aws.us\n  bucket   = "invoices-us"\n}',
            'resource "aws_s3_bucket_replication_configuration" "repl" {\n  bucket = aws_s3_bucket.source.id\n  role   = "arn:aws:iam::123456789012:role/replication"\n  rule {\n    id     = "all"\n    status = "Enabled"\n    destination {\n      bucket = aws_s3_bucket.dest.arn\n    }\n  }\n}',
            'resource "aws_db_instance" "primary" {\n  identifier = "orders"\n}',
            'resource "aws_db_instance" "replica" {\n  provider            = aws.us\n  identifier          = "orders-replica"\n  replicate_source_db = aws_db_instance.primary.arn\n}',
            'resource "aws_dynamodb_table" "orders" {\n  name = "orders"\n  replica {\n    region_name = "eu-west-3"\n  }\n  replica {\n    region_name = "ap-southeast-2"\n  }\n}',
            'resource "azurerm_storage_account" "brazil" {\n  location = "brazilsouth"\n  account_replication_type = "GRS"\n}',
            'resource "azurerm_cosmosdb_account" "db" {\n  location = "westeurope"\n  geo_location {\n    location = "westeurope"\n  }\n  geo_location {\n    location = "eastus2"\n  }\n}',
            'resource "azurerm_recovery_services_vault" "backup" {\n  location = "germanywestcentral"\n}',
            'resource "google_storage_bucket" "archive" {\n  location = "EU"\n  custom_placement_config {\n    data_locations = ["EUROPE-NORTH1", "EUROPE-WEST4"]\n  }\n}',
            'resource "aws_rds_global_cluster" "orders" {\n  global_cluster_identifier = "orders-global"\n}',
            'resource "aws_rds_cluster" "eu" {\n  cluster_identifier        = "orders-eu"\n  global_cluster_identifier = aws_rds_global_cluster.orders.id\n}',
            'resource "aws_rds_cluster" "us" {\n  provider                  = aws.us\n  cluster_identifier        = "orders-us"\n  global_cluster_identifier = aws_rds_global_cluster.orders.id\n}',
            'resource "aws_dynamodb_global_table" "sessions" {\n  name = "sessions"\n  replica {\n    region_name = "eu-central-1"\n  }\n  replica {\n    region_name = "eu-west-1"\n  }\n}',
            'resource "azurerm_storage_account" "docs_de" {\n  location = "germanywestcentral"\n  account_replication_type = "LRS"\n}',
            'resource "azurerm_storage_account" "docs_us" {\n  location = "eastus"\n  account_replication_type = "LRS"\n}',
            'resource "azurerm_storage_object_replication" "docs" {\n  source_storage_account_id      = azurerm_storage_account.docs_de.id\n  destination_storage_account_id = azurerm_storage_account.docs_us.id\n}',
            ...[
              ['bq_source', 'europe-west3'],
              ['bq_destination', 'us-east1'],
              ['bq_exported', 'europe-west3'],
              ['bq_literal', 'europe-west3'],
            ].map(
              ([n, l]) =>
                `resource "google_bigquery_dataset" "${n}" {\n  dataset_id = "${n}"\n  location   = "${l}"\n}`,
            ),
            ...[
              [
                'copy',
                'cross_region_copy',
                'google_bigquery_dataset.bq_destination.dataset_id',
                'google_bigquery_dataset.bq_source.dataset_id',
              ],
              [
                'copy_elsewhere',
                'cross_region_copy',
                '"managed_by_another_team"',
                'google_bigquery_dataset.bq_exported.dataset_id',
              ],
              // Named by a plain string, not a reference: no copy, from configuration or from the plan.
              ['copy_by_name', 'cross_region_copy', '"bq_destination"', '"bq_literal"'],
              [
                'query',
                'scheduled_query',
                'google_bigquery_dataset.bq_destination.dataset_id',
                'google_bigquery_dataset.bq_source.dataset_id',
              ],
            ].map(
              ([n, kind, dst, src]) =>
                `resource "google_bigquery_data_transfer_config" "${n}" {\n  location = "us-east1"\n  data_source_id = "${kind}"\n  destination_dataset_id = ${dst}\n  params = {\n    source_dataset_id = ${src}\n    source_project_id = "p"\n  }\n}`,
            ),
            'resource "google_spanner_instance_config" "reads_west" {\n  name = "custom-nam11-reads-west"\n  base_config = "nam11"\n  replicas {\n    location = "us-west1"\n    type = "READ_ONLY"\n  }\n}',
            'resource "google_spanner_instance" "custom" {\n  name = "custom"\n  config = google_spanner_instance_config.reads_west.name\n}',
            'resource "google_spanner_instance_config" "reads_london" {\n  name = "custom-us-central1-reads-london"\n  base_config = "regional-us-central1"\n  replicas {\n    location = "us-central1"\n    type = "READ_WRITE"\n  }\n  replicas {\n    location = "europe-west2"\n    type = "READ_ONLY"\n  }\n}',
            'resource "google_spanner_instance" "custom_by_name" {\n  name = "custom-by-name"\n  config = "projects/p/instanceConfigs/custom-us-central1-reads-london"\n}',
            'resource "google_spanner_instance" "elsewhere" {\n  name = "elsewhere"\n  config = "custom-defined-elsewhere"\n}',
          ].join('\n'),
        );
        const fromConfig = copyLines(scan(dir));
        const fromPlan = copyLines(scan(path.join(PLANS, 'copies'))).filter((l) => !l.includes('secretsmanager'));
        assert.deepEqual(fromPlan, fromConfig);
      });
    });
  });
});
