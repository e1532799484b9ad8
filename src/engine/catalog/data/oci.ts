import { sovereignSubsidiaryNote } from '../../legal';
import type { ProviderData, Source } from '../types';
import { type LocationDefaults, locations } from './define';

// Region ids and realms come from the OCI SDK's region table (oci-common); names and cities from
// Oracle's region documentation. Every OCI realm is a separate cloud. Oracle's government realms are
// Oracle's own clouds; who operates a dedicated realm Oracle does not publish (see `dedicated`).
const asOf = '2026-11-26';
const sdk: Source = {
  url: 'https://github.com/oracle/oci-typescript-sdk/blob/master/lib/common/lib/region.ts',
  title: 'OCI SDK for TypeScript region and realm table (oci-common 2.142.1)',
  asOf,
};
const doc: Source = {
  url: 'https://docs.oracle.com/en-us/iaas/Content/General/Concepts/regions.htm',
  title: 'Oracle Cloud Infrastructure: Regions and Availability Domains',
  asOf,
};
const eusc: Source = {
  url: 'https://docs.oracle.com/en/solutions/learn-about-eusc/index.html',
  title: 'Oracle: Learn About the Oracle European Union Sovereign Cloud (operational sovereignty)',
  asOf,
};
const euscOwner: Source = {
  url: 'https://csf.hop3.abilian.com/providers/oracle-cloud-infrastructure.html',
  title:
    'Cloud Sovereignty Framework provider card: EU Sovereign Cloud run by EU-incorporated entities, parent Oracle Corporation (secondary)',
  asOf,
};
const sovereignDoc: Source = {
  url: 'https://docs.oracle.com/en/cloud/saas/analytics/25r1/fawig/regions.html',
  title: 'Oracle documentation: regions including EU Sovereign Cloud (realm OC19)',
  asOf,
};

const govUs: Source = {
  url: 'https://docs.oracle.com/iaas/Content/gov-cloud/govoverview.htm',
  title: 'Oracle US Government Cloud and Oracle US Defense Cloud (Oracle documentation)',
  asOf: '2026-12-03',
};
const govUk: Source = {
  url: 'https://docs.oracle.com/en-us/iaas/Content/General/Concepts/govuksouth.htm',
  title: 'Oracle Cloud Infrastructure United Kingdom Government Cloud (Oracle documentation)',
  asOf: '2026-12-03',
};
const govRealms: Source = {
  url: 'https://docs.oracle.com/en/cloud/paas/application-integration/oracle-integration-oci/government-realm-availability.html',
  title:
    'Oracle: government realms OC2, OC3 (US Government Cloud), OC4 (UK Government Cloud), OC10 (Australian Government and Defence)',
  asOf: '2026-12-03',
};
const dedicatedDoc: Source = {
  url: 'https://docs.cloud.oracle.com/Content/General/Concepts/dedicatedregions.htm',
  title: 'Oracle: Dedicated Regions (public regions assigned to a single organisation; details not published)',
  asOf: '2026-12-03',
};
const alloyDoc: Source = {
  url: 'https://docs.oracle.com/en-us/iaas/Content/dedicated/alloy/oracle-alloy-architecture.htm',
  title:
    'Oracle Alloy architecture: Oracle manages hardware, platform services, updates and security operations; the partner operator provides the data centres',
  asOf: '2026-12-03',
};

const d = (partition: string, extra: Partial<LocationDefaults> = {}): LocationDefaults => ({
  providerId: 'oci',
  partition,
  sources: [sdk, doc],
  asOf,
  ...extra,
});
/** Regions that newer OCI SDKs (Java, Python, Go) list but oci-common 2.142.1 does not yet. */
const newer = {
  notes: ['Listed by newer OCI SDK region tables than the installed oci-common; realm as given there.'],
};
/** An Oracle government cloud: Oracle's own, by Oracle's documentation. */
const government = (realm: string, name: string, source: Source): LocationDefaults =>
  d(realm, {
    sources: [sdk, source, govRealms],
    notes: [
      `${name} (realm ${realm.toUpperCase()}): a government cloud that Oracle offers as its own, isolated from the commercial realm.`,
    ],
  });
/**
 * A dedicated realm. Oracle publishes neither whom it serves nor whether an Oracle Alloy partner runs
 * it; in both models Oracle's documentation has Oracle manage the hardware, the platform services, the
 * updates and the security operations, so Oracle stays the operator given here, marked unconfirmed.
 */
const dedicated = (realm: string): LocationDefaults =>
  d(realm, {
    sources: [sdk, dedicatedDoc, alloyDoc],
    operator: {
      name: 'Oracle Corporation (manages the platform; operator of record not published, unconfirmed)',
      country: 'US',
    },
    notes: [
      `Separate OCI realm (${realm.toUpperCase()}) for a dedicated cloud; the region id comes from the OCI SDK and the country from the city in its name. Oracle does not publish whom the realm serves or whether an Oracle Alloy partner runs it (unconfirmed); in both models Oracle's documentation has Oracle manage the hardware, platform services, updates and security operations.`,
    ],
  });

export const oci: ProviderData = {
  provider: {
    id: 'oci',
    displayName: 'Oracle Cloud Infrastructure',
    operator: { name: 'Oracle Corporation', country: 'US' },
    ultimateParent: { name: 'Oracle Corporation', country: 'US' },
    control: 'us',
    terraformProviders: ['oci'],
    resourcePrefixes: ['oci_'],
    sources: [sdk, doc],
    asOf,
  },
  regions: [
    ...locations(d('oc1'), [
      ['af-casablanca-1', 'Morocco West (Casablanca)', 'MA', 'Casablanca'],
      ['af-johannesburg-1', 'South Africa Central (Johannesburg)', 'ZA', 'Johannesburg'],
      ['ap-batam-1', 'Indonesia North (Batam)', 'ID', 'Batam'],
      ['ap-chuncheon-1', 'South Korea North (Chuncheon)', 'KR', 'Chuncheon'],
      ['ap-delhi-1', 'India North (Delhi)', 'IN', 'Delhi'],
      ['ap-hyderabad-1', 'India South (Hyderabad)', 'IN', 'Hyderabad'],
      ['ap-kulai-2', 'Malaysia West 2 (Kulai)', 'MY', 'Kulai'],
      ['ap-melbourne-1', 'Australia Southeast (Melbourne)', 'AU', 'Melbourne'],
      ['ap-mumbai-1', 'India West (Mumbai)', 'IN', 'Mumbai'],
      ['ap-osaka-1', 'Japan Central (Osaka)', 'JP', 'Osaka'],
      ['ap-seoul-1', 'South Korea Central (Seoul)', 'KR', 'Seoul'],
      ['ap-singapore-1', 'Singapore (Singapore)', 'SG', 'Singapore'],
      ['ap-singapore-2', 'Singapore West (Singapore)', 'SG', 'Singapore'],
      ['ap-sydney-1', 'Australia East (Sydney)', 'AU', 'Sydney'],
      ['ap-tokyo-1', 'Japan East (Tokyo)', 'JP', 'Tokyo'],
      ['ca-montreal-1', 'Canada Southeast (Montreal)', 'CA', 'Montreal'],
      ['ca-toronto-1', 'Canada Southeast (Toronto)', 'CA', 'Toronto'],
      ['eu-amsterdam-1', 'Netherlands Northwest (Amsterdam)', 'NL', 'Amsterdam'],
      ['eu-frankfurt-1', 'Germany Central (Frankfurt)', 'DE', 'Frankfurt'],
      ['eu-madrid-1', 'Spain Central (Madrid)', 'ES', 'Madrid'],
      ['eu-madrid-3', 'Spain Central 3 (Madrid)', 'ES', 'Madrid'],
      ['eu-marseille-1', 'France South (Marseille)', 'FR', 'Marseille'],
      ['eu-milan-1', 'Italy Northwest (Milan)', 'IT', 'Milan'],
      ['eu-paris-1', 'France Central (Paris)', 'FR', 'Paris'],
      ['eu-stockholm-1', 'Sweden Central (Stockholm)', 'SE', 'Stockholm'],
      ['eu-turin-1', 'Italy North (Turin)', 'IT', 'Turin'],
      ['eu-zurich-1', 'Switzerland North (Zurich)', 'CH', 'Zurich'],
      ['il-jerusalem-1', 'Israel Central (Jerusalem)', 'IL', 'Jerusalem'],
      ['me-abudhabi-1', 'UAE Central (Abu Dhabi)', 'AE', 'Abu Dhabi'],
      ['me-dubai-1', 'UAE East (Dubai)', 'AE', 'Dubai'],
      ['me-jeddah-1', 'Saudi Arabia West (Jeddah)', 'SA', 'Jeddah'],
      ['me-riyadh-1', 'Saudi Arabia Central (Riyadh)', 'SA', 'Riyadh'],
      ['mx-monterrey-1', 'Mexico Northeast (Monterrey)', 'MX', 'Monterrey'],
      ['mx-queretaro-1', 'Mexico Central (Queretaro)', 'MX', 'Querétaro'],
      ['sa-bogota-1', 'Colombia Central (Bogota)', 'CO', 'Bogotá'],
      ['sa-santiago-1', 'Chile Central (Santiago)', 'CL', 'Santiago'],
      ['sa-saopaulo-1', 'Brazil East (Sao Paulo)', 'BR', 'São Paulo'],
      ['sa-valparaiso-1', 'Chile West (Valparaiso)', 'CL', 'Valparaíso'],
      ['sa-vinhedo-1', 'Brazil Southeast (Vinhedo)', 'BR', 'Vinhedo'],
      ['uk-cardiff-1', 'UK West (Newport)', 'GB', 'Newport'],
      ['uk-london-1', 'UK South (London)', 'GB', 'London'],
      ['us-ashburn-1', 'US East (Ashburn)', 'US', 'Ashburn'],
      ['us-abilene-1', 'US Central (Abilene)', 'US', 'Abilene', newer],
      ['us-chicago-1', 'US Midwest (Chicago)', 'US', 'Chicago'],
      ['us-dallas-1', 'US South (Dallas)', 'US', 'Dallas', newer],
      ['us-phoenix-1', 'US West (Phoenix)', 'US', 'Phoenix'],
      ['us-saltlake-2', 'US Mountain (Salt Lake City)', 'US', 'Salt Lake City'],
      ['us-sanjose-1', 'US West (San Jose)', 'US', 'San Jose'],
    ]),
    ...locations(government('oc2', 'Oracle US Government Cloud / US Defense Cloud', govUs), [
      ['us-langley-1', 'US DoD (Langley)', 'US', 'Langley'],
      ['us-luke-1', 'US DoD (Luke)', 'US', 'Luke'],
    ]),
    ...locations(government('oc3', 'Oracle US Government Cloud / US Defense Cloud', govUs), [
      ['us-gov-ashburn-1', 'US Gov East (Ashburn)', 'US', 'Ashburn'],
      ['us-gov-chicago-1', 'US Gov Midwest (Chicago)', 'US', 'Chicago'],
      ['us-gov-phoenix-1', 'US Gov West (Phoenix)', 'US', 'Phoenix'],
    ]),
    ...locations(government('oc4', 'Oracle United Kingdom Government Cloud', govUk), [
      ['uk-gov-london-1', 'UK Gov South (London)', 'GB', 'London'],
      ['uk-gov-cardiff-1', 'UK Gov West (Newport)', 'GB', 'Newport'],
    ]),
    ...locations(dedicated('oc8'), [
      ['ap-chiyoda-1', 'Japan East (Chiyoda)', 'JP', 'Chiyoda'],
      ['ap-ibaraki-1', 'Japan East (Ibaraki)', 'JP', 'Ibaraki'],
    ]),
    ...locations(dedicated('oc9'), [
      ['me-dcc-muscat-1', 'Oman Central (Muscat)', 'OM', 'Muscat'],
      ['me-ibri-1', 'Oman West (Ibri)', 'OM', 'Ibri'],
    ]),
    ...locations(government('oc10', 'Oracle Cloud for Australian Government and Defence', govRealms), [
      ['ap-dcc-canberra-1', 'Australia Capital (Canberra)', 'AU', 'Canberra'],
    ]),
    ...locations(dedicated('oc14'), [
      ['eu-dcc-dublin-1', 'Ireland South (Dublin)', 'IE', 'Dublin'],
      ['eu-dcc-dublin-2', 'Ireland South 2 (Dublin)', 'IE', 'Dublin'],
      ['eu-dcc-milan-1', 'Italy North (Milan)', 'IT', 'Milan'],
      ['eu-dcc-milan-2', 'Italy North 2 (Milan)', 'IT', 'Milan'],
      ['eu-dcc-rating-1', 'Germany West (Ratingen)', 'DE', 'Ratingen'],
      ['eu-dcc-rating-2', 'Germany West 2 (Ratingen)', 'DE', 'Ratingen'],
    ]),
    ...locations(dedicated('oc15'), [['ap-dcc-gazipur-1', 'Bangladesh Central (Gazipur)', 'BD', 'Gazipur']]),
    ...locations(
      d('oc19', {
        sources: [sdk, sovereignDoc, eusc, euscOwner],
        // Oracle: the operators are EU residents employed by an EU Sovereign Cloud legal entity.
        operator: { name: 'Oracle EU Sovereign Cloud legal entity (EU)', country: 'EU' },
        ultimateParent: { name: 'Oracle Corporation', country: 'US' },
        notes: [
          'Oracle EU Sovereign Cloud (realm OC19): separated from the commercial regions; Oracle says its operators are EU residents employed by an EU Sovereign Cloud legal entity, and operations are conducted within the EU. The entities are owned by Oracle Corporation (U.S.).',
          sovereignSubsidiaryNote(),
        ],
      }),
      [
        ['eu-frankfurt-2', 'EU Sovereign Central (Frankfurt)', 'DE', 'Frankfurt'],
        ['eu-madrid-2', 'EU Sovereign South (Madrid)', 'ES', 'Madrid'],
      ],
    ),
    ...locations(dedicated('oc16'), [['us-westjordan-1', 'US West (West Jordan)', 'US', 'West Jordan', newer]]),
    ...locations(dedicated('oc17'), [
      ['us-dcc-phoenix-1', 'US West (Phoenix) dedicated', 'US', 'Phoenix', newer],
      ['us-dcc-phoenix-2', 'US West 2 (Phoenix) dedicated', 'US', 'Phoenix', newer],
    ]),
    ...locations(dedicated('oc20'), [['eu-jovanovac-1', 'Serbia Central (Jovanovac)', 'RS', 'Jovanovac']]),
    ...locations(dedicated('oc21'), [
      ['me-alrayyan-1', 'Qatar Central (Al Rayyan)', 'QA', 'Al Rayyan'],
      ['me-dcc-doha-1', 'Qatar Central (Doha)', 'QA', 'Doha'],
    ]),
    ...locations(dedicated('oc22'), [
      ['eu-dcc-rome-1', 'Italy Central (Rome)', 'IT', 'Rome', newer],
      ['eu-milan-2', 'Italy North 2 (Milan)', 'IT', 'Milan', newer],
    ]),
    ...locations(dedicated('oc23'), [
      ['us-somerset-1', 'US (Somerset)', 'US', 'Somerset'],
      ['us-thames-1', 'US (Thames)', 'US', 'Thames'],
    ]),
    ...locations(dedicated('oc24'), [
      ['eu-crissier-1', 'Switzerland West (Crissier)', 'CH', 'Crissier'],
      ['eu-dcc-zurich-1', 'Switzerland North (Zurich)', 'CH', 'Zurich'],
    ]),
    ...locations(dedicated('oc25'), [
      ['ap-dcc-osaka-1', 'Japan Central (Osaka) dedicated', 'JP', 'Osaka', newer],
      ['ap-dcc-tokyo-1', 'Japan East (Tokyo) dedicated', 'JP', 'Tokyo', newer],
    ]),
    ...locations(dedicated('oc26'), [
      ['me-abudhabi-3', 'UAE Central 3 (Abu Dhabi)', 'AE', 'Abu Dhabi'],
      ['me-alain-1', 'UAE East (Al Ain)', 'AE', 'Al Ain'],
    ]),
    ...locations(dedicated('oc27'), [
      ['us-dcc-swjordan-1', 'US West (South Jordan) dedicated', 'US', 'South Jordan', newer],
    ]),
    ...locations(dedicated('oc28'), [
      ['us-dcc-swjordan-2', 'US West 2 (South Jordan) dedicated', 'US', 'South Jordan', newer],
    ]),
    ...locations(dedicated('oc29'), [
      ['me-abudhabi-2', 'UAE Central 2 (Abu Dhabi)', 'AE', 'Abu Dhabi'],
      ['me-abudhabi-4', 'UAE Central 4 (Abu Dhabi)', 'AE', 'Abu Dhabi'],
    ]),
    ...locations(dedicated('oc35'), [
      ['ap-chuncheon-2', 'South Korea North 2 (Chuncheon)', 'KR', 'Chuncheon'],
      ['ap-seoul-2', 'South Korea Central 2 (Seoul)', 'KR', 'Seoul'],
      ['ap-suwon-1', 'South Korea Central (Suwon)', 'KR', 'Suwon'],
    ]),
    ...locations(dedicated('oc42'), [
      ['us-ashburn-2', 'US East 2 (Ashburn)', 'US', 'Ashburn'],
      ['us-newark-1', 'US East (Newark)', 'US', 'Newark'],
    ]),
    ...locations(dedicated('oc51'), [['eu-budapest-1', 'Hungary Central (Budapest)', 'HU', 'Budapest']]),
    ...locations(dedicated('oc52'), [['sa-riodejaneiro-1', 'Brazil East (Rio de Janeiro)', 'BR', 'Rio de Janeiro']]),
  ],
};
