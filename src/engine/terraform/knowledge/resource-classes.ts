import type { DataClass } from '../../model';
import { memoByKey } from '../../text/memo';

/**
 * Which Terraform resource types are global services (CAL003) and which hold customer data (decides
 * CAL001's severity).
 *
 * Global: the service is not pinned to a region even though the provider configuration names one —
 * CloudFront, Route 53 hosted zones and records, IAM, WAF Classic (global) and WAFv2 with
 * `scope = "CLOUDFRONT"`, Global Accelerator, Organizations, Shield Advanced; Azure Front Door, CDN,
 * public and private DNS, Traffic Manager, role and policy assignments, Entra ID (azuread), Monitor
 * action groups and metric/activity-log alerts (location "global"), Defender for Cloud settings; Google
 * Cloud DNS, the global load-balancing pieces (global addresses and forwarding rules, URL maps,
 * target proxies, backend services and buckets, SSL certificates, health checks), VPC networks and
 * firewall rules, IAM, projects and folders, organisation policies and tags, monitoring and logging
 * configuration (sinks, metrics, exclusions), Pub/Sub topics and subscriptions and Secret Manager
 * secrets (global unless a storage or replica policy pins them; we do not read those nested policies),
 * Spanner instance configurations (the instances that use one are placed by it);
 * account-level objects of the smaller clouds that have no location (SSH keys, firewalls,
 * certificates, DNS domains and records, projects, tags, users); Cloudflare (an edge network) except
 * R2 buckets, which have a jurisdiction or location hint.
 *
 * Customer data: anything that stores or processes what users put in it — object and file storage,
 * databases, caches, queues and streams, logs, backups and snapshots, disks, key and secret stores,
 * container registries, and compute (instances, functions, clusters) whose memory and disks hold it.
 * The match is on words of the type name so that new resource types of those families are covered;
 * everything else (networking, IAM, policies, monitoring rules) holds configuration only.
 */

const GLOBAL_PREFIXES = [
  'aws_cloudfront_',
  'aws_iam_',
  'aws_waf_',
  'aws_globalaccelerator_',
  'aws_organizations_',
  'aws_shield_',
  'aws_route53_zone',
  'aws_route53_record',
  'aws_route53_health_check',
  'aws_route53_delegation_set',
  'aws_route53_traffic_policy',
  'aws_route53domains_',
  'aws_budgets_',
  'aws_ce_',
  'azurerm_frontdoor',
  'azurerm_cdn_',
  'azurerm_dns_',
  'azurerm_private_dns_',
  'azurerm_traffic_manager_',
  'azurerm_role_',
  'azurerm_policy_',
  'azurerm_management_group',
  'azurerm_subscription',
  'azuread_',
  'azurerm_monitor_action_group',
  'azurerm_monitor_metric_alert',
  'azurerm_monitor_activity_log_alert',
  'azurerm_monitor_private_link_scope',
  'azurerm_security_center_',
  'google_dns_',
  'google_compute_global_',
  'google_compute_url_map',
  'google_compute_target_http',
  'google_compute_target_ssl_proxy',
  'google_compute_target_tcp_proxy',
  'google_compute_target_grpc_proxy',
  'google_compute_backend_service',
  'google_compute_backend_bucket',
  'google_compute_ssl_certificate',
  'google_compute_managed_ssl_certificate',
  'google_compute_ssl_policy',
  'google_compute_health_check',
  'google_compute_http_health_check',
  'google_compute_https_health_check',
  'google_compute_security_policy',
  'google_compute_network',
  'google_compute_firewall',
  'google_compute_route',
  'google_project',
  'google_folder',
  'google_organization_',
  'google_service_account',
  'google_billing_',
  'google_org_policy_',
  'google_tags_tag_',
  'google_essential_contacts_',
  'google_monitoring_',
  'google_logging_metric',
  'google_logging_project_sink',
  'google_logging_folder_sink',
  'google_logging_organization_sink',
  'google_logging_billing_account_sink',
  'google_logging_project_exclusion',
  'google_logging_folder_exclusion',
  'google_logging_organization_exclusion',
  'google_logging_folder_settings',
  'google_logging_organization_settings',
  'google_cloud_asset_',
  'google_cloud_quotas_',
  'google_resource_manager_lien',
  'google_access_context_manager_',
  'google_compute_shared_vpc_',
  'google_compute_project_metadata',
  'google_compute_external_vpn_gateway',
  'google_cloud_identity_',
  'google_kms_autokey_config',
  'google_service_networking_',
  'google_network_connectivity_hub',
  'google_pubsub_topic',
  'google_pubsub_subscription',
  'google_pubsub_schema',
  'google_secret_manager_secret',
  // A project-level definition of where Spanner replicas go; it holds no data, the instances that use it
  // are placed by it (resolve/spanner.ts).
  'google_spanner_instance_config',
  'hcloud_ssh_key',
  'hcloud_firewall',
  'hcloud_certificate',
  'hcloud_uploaded_certificate',
  'hcloud_managed_certificate',
  'hcloud_placement_group',
  'hcloud_rdns',
  'hetznerdns_',
  'digitalocean_ssh_key',
  'digitalocean_domain',
  'digitalocean_record',
  'digitalocean_project',
  'digitalocean_tag',
  'digitalocean_firewall',
  'digitalocean_certificate',
  'digitalocean_cdn',
  'linode_sshkey',
  'linode_domain',
  'linode_firewall',
  'linode_user',
  'linode_token',
  'vultr_ssh_key',
  'vultr_dns_',
  'vultr_firewall_',
  'vultr_user',
  'scaleway_account_',
  'scaleway_iam_',
  'scaleway_domain_',
  'cloudflare_',
];

/** Words that mark a global IAM binding in any provider (`google_storage_bucket_iam_member`). */
const GLOBAL_WORDS = ['iam'];

/** Exceptions: regional despite a global-looking prefix. */
const REGIONAL_EXCEPTIONS = [
  'google_compute_network_endpoint_group',
  'google_compute_network_attachment',
  'google_compute_network_firewall_policy_',
  'google_compute_region_',
  'google_secret_manager_regional_',
  'google_tags_location_',
  'cloudflare_r2_',
];

const DATA_WORDS = new Set([
  'bucket',
  'object',
  's3',
  'storage',
  'blob',
  'share',
  'file',
  'efs',
  'fsx',
  'filestore',
  'db',
  'database',
  'rds',
  'aurora',
  'dynamodb',
  'sql',
  'mssql',
  'mysql',
  'postgresql',
  'mariadb',
  'cosmosdb',
  'spanner',
  'bigtable',
  'bigquery',
  'firestore',
  'datastore',
  'redshift',
  'documentdb',
  'docdb',
  'neptune',
  'keyspaces',
  'timestream',
  'mongodb',
  'redis',
  'memcache',
  'elasticache',
  'memorystore',
  'cache',
  'opensearch',
  'elasticsearch',
  'search',
  'queue',
  'sqs',
  'sns',
  'pubsub',
  'kinesis',
  'firehose',
  'msk',
  'kafka',
  'eventhub',
  'servicebus',
  'stream',
  'log',
  'logs',
  'logging',
  'backup',
  'snapshot',
  'volume',
  'disk',
  'ebs',
  'kms',
  'key',
  'vault',
  'secret',
  'secretsmanager',
  'ecr',
  'registry',
  'artifact',
  'instance',
  'vm',
  'machine',
  'server',
  'droplet',
  'lambda',
  'function',
  'cluster',
  'eks',
  'kubernetes',
  'container',
  'ecs',
  'app',
  'batch',
  'glue',
  'sagemaker',
  'dataproc',
  'dataflow',
  'datalake',
  'synapse',
  'workspace',
  'notebook',
  'ai',
  'cognitive',
  'openai',
  'vertex',
  'parameter',
  'athena',
  'ses',
  'email',
  'cognito',
  'insights',
  'beanstalk',
  'mq',
  'broker',
  'topic',
  'emr',
  'hdinsight',
  'databricks',
  'kusto',
  'purview',
  'lightsail',
  'memorydb',
]);

/** `google_storage_bucket` → `['storage', 'bucket']`: the words after the provider prefix. */
function words(type: string): string[] {
  return type.split('_').slice(1);
}

/**
 * The classifications below depend on the type string only and run for every resource instance (and
 * again on every edit): they are remembered per type.
 */
const globalByType = memoByKey(
  (type) =>
    !REGIONAL_EXCEPTIONS.some((p) => type.startsWith(p)) &&
    (GLOBAL_PREFIXES.some((p) => type.startsWith(p)) || words(type).some((w) => GLOBAL_WORDS.includes(w))),
);
const dataClassByType = memoByKey(classifyData);

/** Whether `type` is a global service; `scope` is WAFv2's `scope` argument when known. */
export function isGlobalType(type: string, scope?: string): boolean {
  if (type.startsWith('aws_wafv2_')) {
    return scope?.toUpperCase() === 'CLOUDFRONT';
  }
  return globalByType(type);
}

/** Whether a resource type holds customer data. */
export function dataClassOf(type: string): DataClass {
  return dataClassByType(type);
}

/**
 * Types whose names contain a data word but that configure networking or keys, not data: named here
 * rather than guessed from words (a subnet group of a database holds no rows).
 */
const NO_DATA_TYPES = new Set([
  'aws_db_subnet_group',
  'aws_redshift_subnet_group',
  'aws_elasticache_subnet_group',
  'aws_docdb_subnet_group',
  'aws_neptune_subnet_group',
  'aws_dms_replication_subnet_group',
  'aws_memorydb_subnet_group',
  'aws_db_parameter_group',
  'aws_rds_cluster_parameter_group',
  'aws_elasticache_parameter_group',
  'aws_redshift_parameter_group',
  'azurerm_storage_account_customer_managed_key',
  'azurerm_storage_account_network_rules',
  // A policy that tells Azure to copy blobs; the blobs are in the two accounts it names.
  'azurerm_storage_object_replication',
]);

function classifyData(type: string): DataClass {
  if (NO_DATA_TYPES.has(type)) {
    return 'no-customer-data';
  }
  const ws = words(type);
  if (ws.includes('iam') || ws.includes('policy') || ws.includes('role')) {
    return 'no-customer-data';
  }
  return ws.some((w) => DATA_WORDS.has(w)) ? 'customer-data' : 'no-customer-data';
}

/**
 * Types that deploy nothing of their own, so that they are not placements (as data sources are not):
 * azapi's `azapi_update_resource` changes properties of a resource that something else deploys, and
 * `azapi_resource_action` calls an operation (register a provider feature, list keys) on one.
 */
const OPERATION_TYPES = new Set(['azapi_update_resource', 'azapi_resource_action']);

/** Whether a resource type is an operation on a resource deployed elsewhere rather than a resource. */
export function isOperationType(type: string): boolean {
  return OPERATION_TYPES.has(type);
}
