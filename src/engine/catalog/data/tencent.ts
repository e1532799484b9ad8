import type { ProviderData, Source } from '../types';
import { locations } from './define';

// Tencent Cloud region ids from its "Regions and availability zones" page.
const asOf = '2026-11-26';
const doc: Source = {
  url: 'https://www.tencentcloud.com/document/product/213/6091',
  title: 'Tencent Cloud: Regions and availability zones',
  asOf,
};
const annualReport: Source = {
  url: 'https://vdocuments.mx/document/annual-report-2016-hkexnews.html',
  title: 'Tencent Holdings Limited: Annual Report 2016, corporate information (copy of the HKEXnews filing)',
  asOf,
};
const tencent = { name: 'Tencent Holdings Limited', country: 'CN', incorporatedIn: 'KY' };

export const tencentcloud: ProviderData = {
  provider: {
    id: 'tencentcloud',
    displayName: 'Tencent Cloud',
    operator: { name: 'Tencent Cloud (Tencent Holdings)', country: 'CN' },
    ultimateParent: tencent,
    control: 'non-us',
    terraformProviders: ['tencentcloud'],
    resourcePrefixes: ['tencentcloud_'],
    // Availability zones are the region id plus a number (`ap-guangzhou-3`).
    zoneLetters: '123456789',
    notes: [
      'Tencent Holdings Limited has its registered office in the Cayman Islands and its group head office in Shenzhen, China.',
    ],
    sources: [doc, annualReport],
    asOf,
  },
  regions: locations({ providerId: 'tencentcloud', partition: 'tencentcloud', sources: [doc], asOf }, [
    ['ap-bangkok', 'Thailand (Bangkok)', 'TH', 'Bangkok'],
    ['ap-beijing', 'North China (Beijing)', 'CN', 'Beijing'],
    ['ap-beijing-1', 'North China (Beijing 1, object storage)', 'CN', 'Beijing'],
    ['ap-chengdu', 'Southwest China (Chengdu)', 'CN', 'Chengdu'],
    ['ap-chongqing', 'Southwest China (Chongqing)', 'CN', 'Chongqing'],
    ['ap-guangzhou', 'South China (Guangzhou)', 'CN', 'Guangzhou'],
    ['ap-guangzhou-open', 'South China (Guangzhou Open)', 'CN', 'Guangzhou'],
    ['ap-hongkong', 'China (Hong Kong)', 'HK', 'Hong Kong'],
    ['ap-jakarta', 'Indonesia (Jakarta)', 'ID', 'Jakarta'],
    ['ap-mumbai', 'India (Mumbai)', 'IN', 'Mumbai'],
    ['ap-nanjing', 'East China (Nanjing)', 'CN', 'Nanjing'],
    ['ap-seoul', 'South Korea (Seoul)', 'KR', 'Seoul'],
    ['ap-shanghai', 'East China (Shanghai)', 'CN', 'Shanghai'],
    ['ap-shanghai-fsi', 'East China (Shanghai Finance)', 'CN', 'Shanghai'],
    ['ap-shenzhen-fsi', 'South China (Shenzhen Finance)', 'CN', 'Shenzhen'],
    ['ap-singapore', 'Southeast Asia (Singapore)', 'SG', 'Singapore'],
    ['ap-tokyo', 'Japan (Tokyo)', 'JP', 'Tokyo'],
    ['eu-frankfurt', 'Europe (Frankfurt)', 'DE', 'Frankfurt'],
    ['eu-moscow', 'Europe (Moscow)', 'RU', 'Moscow'],
    ['na-ashburn', 'US East (Virginia)', 'US', 'Ashburn'],
    ['na-siliconvalley', 'US West (Silicon Valley)', 'US', 'Silicon Valley'],
    ['na-toronto', 'North America (Toronto)', 'CA', 'Toronto'],
    ['sa-saopaulo', 'South America (São Paulo)', 'BR', 'São Paulo'],
  ]),
};
