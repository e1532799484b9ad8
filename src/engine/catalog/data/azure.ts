import { licensedOperatorNote } from '../../legal';
import type { ProviderData, Source } from '../types';
import { type LocationDefaults, locations, type Row } from './define';

// Location names are those of `az account list-locations` (Terraform and Bicep accept the name or
// the display name, in any case, with or without spaces); countries from Microsoft's region list.
const asOf = '2026-11-26';
const regionsDoc: Source = {
  url: 'https://learn.microsoft.com/en-us/azure/reliability/regions-list',
  title: 'Azure regions list (Microsoft Learn)',
  asOf,
};
const chinaDoc: Source = {
  url: 'https://docs.azure.cn/en-us/reliability/regions-list',
  title: 'Azure operated by 21Vianet: regions list',
  asOf,
};
const govDoc: Source = {
  url: 'https://learn.microsoft.com/en-us/azure/azure-government/documentation-government-overview-dod',
  title: 'Azure Government regions (Microsoft Learn)',
  asOf,
};
const geoCodes: Source = {
  url: 'https://learn.microsoft.com/en-us/azure/backup/scripts/geo-code-list',
  title: 'Azure Backup: geo-code mapping (Microsoft Learn), region names of every Azure cloud',
  asOf: '2026-12-03',
};
const geoCodesAlz: Source = {
  url: 'https://github.com/Azure/ALZ-Bicep/blob/main/infra-as-code/bicep/modules/privateDnsZones/privateDnsZones.bicep',
  title: 'Azure/ALZ-Bicep: Azure Backup geo codes by location name (usnat*, ussec*, germanycentral, germanynortheast)',
  asOf: '2026-12-03',
};
const germanyClosed: Source = {
  url: 'https://learn.microsoft.com/en-us/previous-versions/azure/germany/germany-developer-guide',
  title: 'Azure Germany developer guide (Microsoft Learn): Microsoft Cloud Germany closed on 29 October 2021',
  asOf: '2026-12-03',
};
const sdkGermany: Source = {
  url: 'https://learn.microsoft.com/en-us/dotnet/api/microsoft.azure.commands.common.authentication.abstractions.environmentname.azuregermancloud?view=az-ps-12',
  title:
    'Azure PowerShell SDK: EnvironmentName.AzureGermanCloud ("Microsoft Cloud Germany was closed on October 29th, 2021")',
  asOf: '2026-12-03',
};
const azurermLocations: Source = {
  url: 'https://github.com/hashicorp/terraform-provider-azurerm/blob/main/website/docs/r/blueprint_assignment.html.markdown',
  title: 'Terraform azurerm provider docs: allowed-locations example listing uknorth',
  asOf: '2026-12-03',
};

// Region names of the national partner clouds, as the Azure SDKs' region tables spell them (for
// example the Cosmos DB SDKs' region name tables); who owns the operators, from the sources below.
const sdkRegions: Source = {
  url: 'https://learn.microsoft.com/en-us/dotnet/api/microsoft.azure.cosmos.regions.deloscloudgermanycentral?view=azure-dotnet',
  title: 'Azure SDK region tables (Microsoft.Azure.Cosmos Regions)',
  asOf,
};
const bleuDoc: Source = {
  url: 'https://newsroom.orange.com/capgemini-and-orange-are-pleased-to-announce-the-launch-of-commercial-activities-of-bleu-their-future-cloud-de-confiance-platform',
  title: 'Orange newsroom: Capgemini and Orange launch the commercial activities of Bleu',
  asOf,
};
const delosDoc: Source = {
  url: 'https://heise.de/en/news/SAP-Two-billion-euros-for-sovereign-clouds-with-and-without-Microsoft-9939213.html',
  title: 'heise: SAP subsidiary Delos Cloud, a sovereign cloud with Microsoft technology',
  asOf,
};

const d = (partition: string, extra: Partial<LocationDefaults> = {}): LocationDefaults => ({
  providerId: 'azure',
  partition,
  sources: [regionsDoc],
  asOf,
  nameAsAlias: true,
  ...extra,
});

/** A logical location that stands for one country's Azure regions. */
function geography(rows: Array<[string, string, string]>): Row[] {
  return rows.map(([id, name, country]): Row => [
    id,
    `${name} (geography)`,
    country,
    undefined,
    { countries: [country] },
  ]);
}

const vianet = { name: '21Vianet (Blue Cloud)', country: 'CN' };
const vnet = { name: 'VNET Group, Inc. (21Vianet)', country: 'CN' };

export const azure: ProviderData = {
  provider: {
    id: 'azure',
    displayName: 'Microsoft Azure',
    operator: { name: 'Microsoft Corporation', country: 'US' },
    ultimateParent: { name: 'Microsoft Corporation', country: 'US' },
    control: 'us',
    terraformProviders: ['azurerm', 'azapi', 'azuread', 'azurestack'],
    resourcePrefixes: ['azurerm_', 'azapi_', 'azuread_', 'azurestack_'],
    armProvider: true,
    notes: [
      'The EU Data Boundary (completed February 2025) is a data-residency commitment; it does not change that Microsoft Corporation operates the regions.',
    ],
    sources: [regionsDoc],
    asOf,
  },
  regions: [
    ...locations(d('AzureCloud'), [
      ['australiacentral', 'Australia Central', 'AU', 'Canberra'],
      ['australiacentral2', 'Australia Central 2', 'AU', 'Canberra'],
      ['australiaeast', 'Australia East', 'AU', 'New South Wales'],
      ['australiasoutheast', 'Australia Southeast', 'AU', 'Victoria'],
      ['austriaeast', 'Austria East', 'AT', 'Vienna'],
      ['belgiumcentral', 'Belgium Central', 'BE', 'Brussels'],
      ['brazilsouth', 'Brazil South', 'BR', 'São Paulo State'],
      ['brazilsoutheast', 'Brazil Southeast', 'BR', 'Rio de Janeiro'],
      ['canadacentral', 'Canada Central', 'CA', 'Toronto'],
      ['canadaeast', 'Canada East', 'CA', 'Quebec'],
      ['centralindia', 'Central India', 'IN', 'Pune'],
      ['centralus', 'Central US', 'US', 'Iowa'],
      ['centraluseuap', 'Central US EUAP', 'US', 'Iowa'],
      ['chilecentral', 'Chile Central', 'CL', 'Santiago'],
      ['denmarkeast', 'Denmark East', 'DK', 'Copenhagen'],
      ['eastasia', 'East Asia', 'HK', 'Hong Kong'],
      ['eastus', 'East US', 'US', 'Virginia'],
      ['eastus2', 'East US 2', 'US', 'Virginia'],
      ['eastus2euap', 'East US 2 EUAP', 'US', 'Virginia'],
      ['eastusstg', 'East US (Stage)', 'US', 'Virginia'],
      ['francecentral', 'France Central', 'FR', 'Paris'],
      ['francesouth', 'France South', 'FR', 'Marseille'],
      ['germanynorth', 'Germany North', 'DE', 'Berlin'],
      ['germanywestcentral', 'Germany West Central', 'DE', 'Frankfurt'],
      ['indiasouthcentral', 'India South Central', 'IN', 'Hyderabad'],
      ['indonesiacentral', 'Indonesia Central', 'ID', 'Jakarta'],
      ['israelcentral', 'Israel Central', 'IL'],
      ['israelnorthwest', 'Israel Northwest', 'IL'],
      ['italynorth', 'Italy North', 'IT', 'Milan'],
      ['japaneast', 'Japan East', 'JP', 'Tokyo, Saitama'],
      ['japanwest', 'Japan West', 'JP', 'Osaka'],
      ['jioindiacentral', 'Jio India Central', 'IN', 'Nagpur'],
      ['jioindiawest', 'Jio India West', 'IN', 'Jamnagar'],
      ['koreacentral', 'Korea Central', 'KR', 'Seoul'],
      ['koreasouth', 'Korea South', 'KR', 'Busan'],
      ['malaysiawest', 'Malaysia West', 'MY', 'Kuala Lumpur'],
      ['malaysiasouth', 'Malaysia South', 'MY', 'Johor'],
      ['mexicocentral', 'Mexico Central', 'MX', 'Querétaro State'],
      ['newzealandnorth', 'New Zealand North', 'NZ', 'Auckland'],
      ['northcentralus', 'North Central US', 'US', 'Illinois'],
      ['northeurope', 'North Europe', 'IE'],
      ['norwayeast', 'Norway East', 'NO', 'Oslo'],
      ['norwaywest', 'Norway West', 'NO', 'Stavanger'],
      ['polandcentral', 'Poland Central', 'PL', 'Warsaw'],
      ['qatarcentral', 'Qatar Central', 'QA', 'Doha'],
      ['southafricanorth', 'South Africa North', 'ZA', 'Johannesburg'],
      ['southafricawest', 'South Africa West', 'ZA', 'Cape Town'],
      ['southcentralus', 'South Central US', 'US', 'Texas'],
      ['southcentralus2', 'South Central US 2', 'US', 'Texas'],
      ['southcentralusstg', 'South Central US (Stage)', 'US', 'Texas'],
      ['southeastasia', 'Southeast Asia', 'SG', 'Singapore'],
      ['southindia', 'South India', 'IN', 'Chennai'],
      ['spaincentral', 'Spain Central', 'ES', 'Madrid'],
      ['swedencentral', 'Sweden Central', 'SE', 'Gävle'],
      ['swedensouth', 'Sweden South', 'SE', 'Malmö'],
      ['switzerlandnorth', 'Switzerland North', 'CH', 'Zurich'],
      ['switzerlandwest', 'Switzerland West', 'CH', 'Geneva'],
      ['taiwannorth', 'Taiwan North', 'TW', 'Taipei'],
      ['taiwannorthwest', 'Taiwan Northwest', 'TW'],
      ['uaecentral', 'UAE Central', 'AE', 'Abu Dhabi'],
      ['uaenorth', 'UAE North', 'AE', 'Dubai'],
      ['uksouth', 'UK South', 'GB', 'London'],
      ['uksouth2', 'UK South 2', 'GB'],
      ['ukwest', 'UK West', 'GB', 'Cardiff'],
      ['westcentralus', 'West Central US', 'US', 'Wyoming'],
      ['westeurope', 'West Europe', 'NL'],
      ['westindia', 'West India', 'IN', 'Mumbai'],
      ['westus', 'West US', 'US', 'California'],
      ['westus2', 'West US 2', 'US', 'Washington'],
      ['westus3', 'West US 3', 'US', 'Phoenix'],
    ]),
    // A location name the Azure SDKs and the azurerm provider accept but Microsoft's public region list
    // does not show.
    ...locations(
      d('AzureCloud', {
        sources: [azurermLocations],
        notes: ["Accepted as a location name by Azure's tools; not in Microsoft's public region list."],
      }),
      [['uknorth', 'UK North', 'GB']],
    ),
    ...locations(d('AzureCloud', { kind: 'global', nameAsAlias: false }), [
      [
        'global',
        'Global (non-regional)',
        null,
        undefined,
        { notes: ['Logical location for global resources such as Front Door, DNS zones and Traffic Manager.'] },
      ],
    ]),
    // Logical "geography" locations that `az account list-locations` also lists (regionType Logical).
    ...locations(d('AzureCloud', { kind: 'multi-region', nameAsAlias: false }), [
      ...geography([
        ['australia', 'Australia', 'AU'],
        ['brazil', 'Brazil', 'BR'],
        ['canada', 'Canada', 'CA'],
        ['france', 'France', 'FR'],
        ['germany', 'Germany', 'DE'],
        ['india', 'India', 'IN'],
        ['israel', 'Israel', 'IL'],
        ['italy', 'Italy', 'IT'],
        ['japan', 'Japan', 'JP'],
        ['korea', 'Korea', 'KR'],
        ['mexico', 'Mexico', 'MX'],
        ['newzealand', 'New Zealand', 'NZ'],
        ['norway', 'Norway', 'NO'],
        ['poland', 'Poland', 'PL'],
        ['qatar', 'Qatar', 'QA'],
        ['singapore', 'Singapore', 'SG'],
        ['southafrica', 'South Africa', 'ZA'],
        ['spain', 'Spain', 'ES'],
        ['sweden', 'Sweden', 'SE'],
        ['switzerland', 'Switzerland', 'CH'],
        ['taiwan', 'Taiwan', 'TW'],
        ['uae', 'United Arab Emirates', 'AE'],
        ['uk', 'United Kingdom', 'GB'],
        ['unitedstates', 'United States', 'US'],
        ['unitedstateseuap', 'United States EUAP', 'US'],
      ]),
      ['asia', 'Asia (geography)', null, undefined, { jurisdiction: 'Asia' }],
      ['asiapacific', 'Asia Pacific (geography)', null, undefined, { jurisdiction: 'Asia Pacific' }],
      ['europe', 'Europe (geography)', null, undefined, { jurisdiction: 'Europe' }],
    ]),
    ...locations(
      d('AzureChinaCloud', {
        operator: vianet,
        ultimateParent: vnet,
        control: 'licensed-us-technology',
        sources: [chinaDoc],
        notes: [
          'Azure operated by 21Vianet: a separate, network-isolated cloud (portal.azure.cn) run in mainland China by a 21Vianet subsidiary.',
          licensedOperatorNote(),
        ],
      }),
      [
        ['chinaeast', 'China East', 'CN', 'Shanghai'],
        ['chinaeast2', 'China East 2', 'CN', 'Shanghai'],
        ['chinaeast3', 'China East 3', 'CN', 'Shanghai'],
        ['chinanorth', 'China North', 'CN', 'Beijing'],
        ['chinanorth2', 'China North 2', 'CN', 'Beijing'],
        ['chinanorth3', 'China North 3', 'CN', 'Hebei'],
      ],
    ),
    ...locations(
      d('AzureBleu', {
        operator: { name: 'Bleu', country: 'FR' },
        ultimateParent: { name: 'Capgemini and Orange (joint owners)', country: 'FR' },
        control: 'licensed-us-technology',
        sources: [sdkRegions, bleuDoc],
        notes: [
          'Bleu: a French company wholly owned by Capgemini and Orange that offers Microsoft Azure under licence; Microsoft holds no equity.',
          licensedOperatorNote(),
        ],
      }),
      [
        ['bleufrancecentral', 'Bleu France Central', 'FR'],
        ['bleufrancesouth', 'Bleu France South', 'FR'],
      ],
    ),
    ...locations(
      d('AzureDelosCloud', {
        operator: { name: 'Delos Cloud (an SAP subsidiary)', country: 'DE' },
        ultimateParent: { name: 'SAP SE', country: 'DE' },
        control: 'licensed-us-technology',
        sources: [sdkRegions, delosDoc],
        notes: [
          'Delos Cloud: an SAP subsidiary offering Microsoft Azure to German public administration under licence.',
          licensedOperatorNote(),
        ],
      }),
      [
        ['deloscloudgermanycentral', 'Delos Cloud Germany Central', 'DE'],
        ['deloscloudgermanynorth', 'Delos Cloud Germany North', 'DE'],
      ],
    ),
    ...locations(
      d('AzureUSGovernment', {
        sources: [govDoc],
        notes: ['Azure Government: a separate U.S. sovereign cloud (portal.azure.us).'],
      }),
      [
        ['usdodcentral', 'US DoD Central', 'US', 'Iowa'],
        ['usdodeast', 'US DoD East', 'US', 'Virginia'],
        ['usdodsouthcentral', 'US DoD South Central', 'US'],
        ['usdodsouthwest', 'US DoD Southwest', 'US'],
        ['usdodwestcentral', 'US DoD West Central', 'US'],
        ['usgovarizona', 'US Gov Arizona', 'US', 'Arizona'],
        ['usgoviowa', 'US Gov Iowa', 'US', 'Iowa'],
        ['usgovtexas', 'US Gov Texas', 'US', 'Texas'],
        ['usgovvirginia', 'US Gov Virginia', 'US', 'Virginia'],
      ],
    ),
    // Air-gapped U.S. government clouds; their names from Microsoft's geo-code mapping.
    ...locations(
      d('USNat', {
        sources: [geoCodes, geoCodesAlz],
        notes: ['An air-gapped Azure cloud for the U.S. government (USNat), separate from Azure Government.'],
      }),
      [
        ['usnateast', 'USNat East', 'US'],
        ['usnatwest', 'USNat West', 'US'],
      ],
    ),
    ...locations(
      d('USSec', {
        sources: [geoCodes, geoCodesAlz],
        notes: ['An air-gapped Azure cloud for the U.S. government (USSec), separate from Azure Government.'],
      }),
      [
        ['usseceast', 'USSec East', 'US'],
        ['ussecwest', 'USSec West', 'US'],
      ],
    ),
    // Microsoft Cloud Germany: closed, but its names stay in old templates.
    ...locations(
      d('AzureGermanCloud', {
        sources: [germanyClosed, sdkGermany, geoCodesAlz],
        notes: [
          'Microsoft Cloud Germany (Azure Germany) was closed on 29 October 2021: nothing can be deployed here any more. While it ran, Microsoft described it as physically and network-isolated from global Azure, with a data trustee acting under German law.',
        ],
      }),
      [
        ['germanycentral', 'Germany Central', 'DE'],
        ['germanynortheast', 'Germany Northeast', 'DE'],
      ],
    ),
  ],
};
