import type { DataClass, RegionResolution } from '../model';
import { own } from '../own';
import { memoByKey } from '../text/memo';
import type { Value } from './value';

/**
 * What Azure resource types (Bicep and ARM) mean for placement: global services (CAL003) and whether a
 * type holds customer data (decides CAL001's severity). Shared by the Bicep and ARM analyzers.
 *
 * The tables are deliberately conservative: a type we do not know is assumed to hold customer data, so
 * that a new data service is never under-reported.
 */
export interface AzureTypeInfo {
  /** A global service: no regional pinning, `location` is `global` or absent (CAL003). */
  global: boolean;
  dataClass: DataClass;
  /** Why, in a few words (for hovers, reports and reviewers of this table). */
  rationale: string;
  /**
   * A child or extension resource (`.../blobServices/containers`, `diagnosticSettings`, `tags`) that lives
   * where the resource it belongs to lives: when it declares no `location` it is not a placement of its own.
   */
  inheritsLocation: boolean;
}

interface Kind {
  global?: boolean;
  data: boolean;
  why: string;
  extension?: boolean;
}

const DATA = (why: string): Kind => ({ data: true, why });
const NO_DATA = (why: string): Kind => ({ data: false, why });
const GLOBAL = (why: string, data = false): Kind => ({ global: true, data, why });
const EXTENSION = (why: string): Kind => ({ data: false, why, extension: true });

/** Whole namespaces (resource providers), lower-case. */
const NAMESPACES: Record<string, Kind> = {
  // Identity, governance and billing: tenant- or subscription-wide control plane without a region.
  'microsoft.authorization': GLOBAL('identity and access management / policy: tenant-wide control plane'),
  'microsoft.management': GLOBAL('management groups: tenant-wide hierarchy'),
  'microsoft.azureactivedirectory': GLOBAL('Entra ID (B2C) tenant: directory data located by geography', true),
  'microsoft.graph': GLOBAL('Entra ID directory objects (Graph extension): located with the tenant'),
  'microsoft.blueprint': GLOBAL('blueprints: subscription-wide governance'),
  'microsoft.subscription': GLOBAL('subscription aliases: tenant-wide'),
  'microsoft.billing': GLOBAL('billing: tenant-wide'),
  'microsoft.consumption': GLOBAL('budgets: subscription-wide'),
  'microsoft.costmanagement': GLOBAL('cost management: subscription-wide'),
  'microsoft.policyinsights': GLOBAL('policy remediation: subscription-wide'),
  'microsoft.security': GLOBAL('Defender for Cloud settings: subscription-wide'),
  'microsoft.advisor': GLOBAL('Advisor configuration: subscription-wide'),
  'microsoft.features': GLOBAL('feature registrations: subscription-wide'),
  'microsoft.cdn': GLOBAL('CDN / Front Door Standard and Premium: content cached at edge locations worldwide'),
  'microsoft.communication': GLOBAL('Communication Services: global resource, data location set separately', true),
  // Networking moves traffic but stores no customer data at rest.
  'microsoft.network': NO_DATA('networking: carries traffic, stores no customer data at rest'),
  'microsoft.managedidentity': NO_DATA('managed identities: credentials managed by the platform'),
  'microsoft.resources': NO_DATA('resource groups, deployments, template specs: deployment metadata'),
  'microsoft.insights': NO_DATA('monitoring configuration (alerts, autoscale, data collection rules)'),
  'microsoft.alertsmanagement': NO_DATA('alert processing configuration'),
  'microsoft.maintenance': NO_DATA('maintenance configuration'),
  'microsoft.portal': NO_DATA('portal dashboards: layout metadata'),
  'microsoft.managednetworkfabric': NO_DATA('network fabric configuration'),
  'microsoft.chaos': NO_DATA('chaos experiments: configuration'),
  'microsoft.costmanagementexports': NO_DATA('cost exports configuration'),
  // Services that store or process customer data.
  'microsoft.storage': DATA('storage accounts: blobs, files, queues, tables'),
  'microsoft.storagesync': DATA('Azure File Sync: file data'),
  'microsoft.storagecache': DATA('HPC cache: file data'),
  'microsoft.elasticsan': DATA('Elastic SAN: block storage'),
  'microsoft.netapp': DATA('Azure NetApp Files: file data'),
  'microsoft.sql': DATA('Azure SQL: relational databases'),
  'microsoft.documentdb': DATA('Cosmos DB: databases'),
  'microsoft.dbforpostgresql': DATA('PostgreSQL: databases'),
  'microsoft.dbformysql': DATA('MySQL: databases'),
  'microsoft.dbformariadb': DATA('MariaDB: databases'),
  'microsoft.cache': DATA('Azure Cache for Redis: in-memory data'),
  'microsoft.keyvault': DATA('Key Vault: keys, secrets and certificates'),
  'microsoft.servicebus': DATA('Service Bus: messages'),
  'microsoft.eventhub': DATA('Event Hubs: event streams'),
  'microsoft.eventgrid': DATA('Event Grid: events in transit and namespaces'),
  'microsoft.relay': DATA('Relay: messages in transit'),
  'microsoft.notificationhubs': DATA('Notification Hubs: device registrations'),
  'microsoft.compute': DATA('virtual machines, disks, snapshots and images'),
  'microsoft.containerservice': DATA('AKS: workloads and their volumes'),
  'microsoft.containerregistry': DATA('container registry: images'),
  'microsoft.containerinstance': DATA('container instances: workloads'),
  'microsoft.app': DATA('Container Apps: workloads'),
  'microsoft.web': DATA('App Service / Functions: applications and their content'),
  'microsoft.logic': DATA('Logic Apps: workflow runs and their payloads'),
  'microsoft.apimanagement': DATA('API Management: requests, caches and configuration'),
  'microsoft.operationalinsights': DATA('Log Analytics: logs'),
  'microsoft.operationsmanagement': DATA('monitoring solutions on a Log Analytics workspace'),
  'microsoft.securityinsights': DATA('Microsoft Sentinel: security logs and incidents'),
  'microsoft.monitor': DATA('Azure Monitor workspaces: metrics'),
  'microsoft.dashboard': DATA('Managed Grafana: dashboards over monitoring data'),
  'microsoft.recoveryservices': DATA('Recovery Services vaults: backups'),
  'microsoft.dataprotection': DATA('Backup vaults: backups'),
  'microsoft.automation': DATA('Automation: runbooks, variables and credentials'),
  'microsoft.cognitiveservices': DATA('Azure AI services / OpenAI: processes prompts and documents'),
  'microsoft.machinelearningservices': DATA('Machine Learning: data sets and models'),
  'microsoft.search': DATA('AI Search: indexes of documents'),
  'microsoft.synapse': DATA('Synapse: data warehouse and lake'),
  'microsoft.datafactory': DATA('Data Factory: moves and transforms data'),
  'microsoft.databricks': DATA('Databricks: data processing'),
  'microsoft.hdinsight': DATA('HDInsight: data processing clusters'),
  'microsoft.kusto': DATA('Data Explorer: data'),
  'microsoft.streamanalytics': DATA('Stream Analytics: processes event streams'),
  'microsoft.purview': DATA('Purview: data catalog and scans'),
  'microsoft.fabric': DATA('Fabric capacity: data and analytics'),
  'microsoft.powerbidedicated': DATA('Power BI Embedded: reports and data'),
  'microsoft.analysisservices': DATA('Analysis Services: models and data'),
  'microsoft.devices': DATA('IoT Hub: device messages'),
  'microsoft.digitaltwins': DATA('Digital Twins: graph data'),
  'microsoft.iotcentral': DATA('IoT Central: device data'),
  'microsoft.healthcareapis': DATA('Health Data Services: FHIR and DICOM data'),
  'microsoft.appconfiguration': DATA('App Configuration: key-values'),
  'microsoft.signalrservice': DATA('SignalR / Web PubSub: messages in transit'),
  'microsoft.botservice': DATA('Bot Service: conversations'),
  'microsoft.batch': DATA('Batch: workloads and their files'),
  'microsoft.desktopvirtualization': DATA('Azure Virtual Desktop: session metadata'),
  'microsoft.avs': DATA('Azure VMware Solution: virtual machines'),
  'microsoft.media': DATA('Media Services: media content'),
  'microsoft.maps': DATA('Azure Maps: location data'),
  'microsoft.aad': DATA('Entra Domain Services: a regional replica of the directory'),
  'microsoft.loadtestservice': DATA('Load Testing: test scripts and results'),
  'microsoft.devcenter': DATA('Dev Box: developer machines'),
  'microsoft.videoindexer': DATA('Video Indexer: media and insights'),
};

/** Types that differ from their namespace, lower-case `namespace/type`. */
const TYPES: Record<string, Kind> = {
  'microsoft.network/frontdoors': GLOBAL('Front Door (classic): global edge network'),
  'microsoft.network/frontdoorwebapplicationfirewallpolicies': GLOBAL('Front Door WAF policy: global'),
  'microsoft.network/dnszones': GLOBAL('public DNS zone: served worldwide'),
  'microsoft.network/privatednszones': GLOBAL('private DNS zone: global resource'),
  'microsoft.network/trafficmanagerprofiles': GLOBAL('Traffic Manager: global DNS-based routing'),
  'microsoft.network/dnsresolverpolicies': NO_DATA('DNS resolver policy'),
  'microsoft.insights/actiongroups': GLOBAL('action groups: global notification service'),
  'microsoft.insights/activitylogalerts': GLOBAL('activity log alerts: global'),
  'microsoft.insights/metricalerts': NO_DATA('metric alerts: configuration'),
  'microsoft.insights/components': DATA('Application Insights: telemetry including request data'),
  'microsoft.insights/diagnosticsettings': EXTENSION('diagnostic settings: extension of the monitored resource'),
  'microsoft.insights/privatelinkscopes': NO_DATA('monitor private link scope'),
  'microsoft.alertsmanagement/smartdetectoralertrules': GLOBAL('smart detector alert rules: global'),
  'microsoft.alertsmanagement/actionrules': GLOBAL('alert processing rules: global'),
  'microsoft.resources/tags': EXTENSION('tags: extension of the tagged resource'),
  'microsoft.resources/deploymentscripts': DATA('deployment scripts: run code with a storage account'),
  'microsoft.web/serverfarms': NO_DATA('App Service plan: compute capacity; the apps hold the data'),
  'microsoft.web/certificates': DATA('App Service certificates: private keys'),
  'microsoft.web/staticsites': DATA('Static Web Apps: content, distributed globally'),
  'microsoft.compute/availabilitysets': NO_DATA('availability sets: placement metadata'),
  'microsoft.compute/proximityplacementgroups': NO_DATA('proximity placement groups: placement metadata'),
  'microsoft.compute/sshpublickeys': NO_DATA('SSH public keys: public material'),
  'microsoft.compute/hostgroups': NO_DATA('dedicated host groups: capacity'),
  'microsoft.compute/capacityreservationgroups': NO_DATA('capacity reservations'),
  'microsoft.operationalinsights/querypacks': NO_DATA('query packs: saved queries'),
  'microsoft.security/iotsecuritysolutions': DATA('IoT security: device alerts'),
  'microsoft.securityinsights/settings': NO_DATA('Sentinel settings'),
  'microsoft.keyvault/managedhsms': DATA('Managed HSM: keys'),
};

/** Extension resources that apply to any resource (`Microsoft.Xyz/abc/providers/Microsoft.Insights/...`). */
const EXTENSION_SEGMENT = '/providers/';

const UNKNOWN: Kind = DATA('type not in the classification: assumed to hold customer data');

function lookup(t: string): Kind {
  const parts = t.split('/');
  const namespace = parts[0];
  const top = parts.length > 1 ? `${parts[0]}/${parts[1]}` : namespace;
  const exact = own(TYPES, t);
  if (exact) {
    return exact;
  }
  return own(TYPES, top) ?? own(NAMESPACES, namespace) ?? UNKNOWN;
}

/**
 * Classifies an Azure resource type (`Microsoft.Storage/storageAccounts`), case-insensitively. Child types
 * (`Microsoft.Sql/servers/databases`) take their parent's class unless listed themselves, and are marked
 * `inheritsLocation`, as are extension types written with `/providers/` (`Microsoft.Storage/storageAccounts/
 * providers/Microsoft.Insights/diagnosticSettings`), which are classified by the extension part.
 */
export function classifyAzureType(type: string): Readonly<AzureTypeInfo> {
  return classified(type);
}

/** A workspace names a few hundred types thousands of times: classify each once. */
const classified = memoByKey<Readonly<AzureTypeInfo>>((type) => classify(type));

function classify(type: string): AzureTypeInfo {
  let t = type.trim().toLowerCase();
  let extension = false;
  const ext = t.lastIndexOf(EXTENSION_SEGMENT);
  if (ext >= 0) {
    t = t.slice(ext + EXTENSION_SEGMENT.length);
    extension = true;
  }
  const kind = lookup(t);
  const child = t.split('/').length > 2;
  return {
    global: kind.global === true,
    dataClass: kind.data ? 'customer-data' : 'no-customer-data',
    rationale: kind.why,
    inheritsLocation: extension || child || kind.extension === true,
  };
}

/** `Microsoft.Resources/deployments`: a nested deployment (a Bicep module), never a placement itself. */
export function isDeployment(type: string): boolean {
  return type.toLowerCase() === 'microsoft.resources/deployments';
}

/**
 * Whether a resource that declares no `location` is still a placement: only one that may hold customer
 * data (its region is then unknown, CAL002). Child and extension resources live where their parent does;
 * resources without data and without a location (locks, role and policy assignments, deployments) are
 * not placements. The same rule for Bicep and ARM JSON.
 */
export function placedWithoutLocation(info: AzureTypeInfo): boolean {
  return !info.inheritsLocation && info.dataClass === 'customer-data';
}

/** The region a resource's evaluated `location` gives, or why there is none: the same words for Bicep and ARM. */
export function regionFrom(location: Value | undefined, name: string, global: boolean): RegionResolution {
  if (!location) {
    const reason = global ? `${name} is a global service and declares no location` : `${name} declares no location`;
    return { kind: 'unknown', reason };
  }
  if (location.k === 'string' && location.v !== '') {
    return { kind: 'known', value: location.v };
  }
  const reason = location.k === 'unknown' ? location.reason : `the location of ${name} is not a region name`;
  return { kind: 'unknown', reason: reason || 'the location is known only at deployment' };
}
