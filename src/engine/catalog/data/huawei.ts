import type { ProviderData, Source } from '../types';
import { locations } from './define';

// Huawei Cloud region ids from its "Regions and endpoints" page and the region tables of its SDKs;
// where only the id is published, the name repeats it and no city is given.
const asOf = '2026-11-26';
const doc: Source = {
  url: 'https://developer.huaweicloud.com/intl/en-us/endpoint',
  title: 'Huawei Cloud: Regions and endpoints',
  asOf,
};
const sdk: Source = {
  url: 'https://www.npmjs.com/package/@huaweicloud/huaweicloud-sdk-ecs',
  title: 'Huawei Cloud SDK for Node.js: ECS region table (EcsRegion)',
  asOf: '2026-12-03',
};
const huawei = { name: 'Huawei Technologies Co., Ltd.', country: 'CN' };

export const huaweicloud: ProviderData = {
  provider: {
    id: 'huaweicloud',
    displayName: 'Huawei Cloud',
    operator: { name: 'Huawei Cloud Computing Technologies Co., Ltd.', country: 'CN' },
    ultimateParent: huawei,
    control: 'non-us',
    terraformProviders: ['huaweicloud'],
    resourcePrefixes: ['huaweicloud_'],
    zoneLetters: 'abcdefg',
    sources: [doc],
    asOf,
  },
  regions: locations({ providerId: 'huaweicloud', partition: 'huaweicloud', sources: [doc], asOf }, [
    ['af-north-1', 'AF-Cairo', 'EG', 'Cairo'],
    ['ae-ad-1', 'AE-Abu Dhabi', 'AE', 'Abu Dhabi'],
    ['af-south-1', 'AF-Johannesburg', 'ZA', 'Johannesburg'],
    ['ap-southeast-1', 'CN-Hong Kong', 'HK', 'Hong Kong'],
    ['ap-southeast-2', 'AP-Bangkok', 'TH', 'Bangkok'],
    ['ap-southeast-3', 'AP-Singapore', 'SG', 'Singapore'],
    ['ap-southeast-4', 'AP-Jakarta', 'ID', 'Jakarta'],
    ['ap-southeast-5', 'AP-Manila', 'PH', 'Manila'],
    ['cn-east-2', 'CN East-Shanghai2', 'CN', 'Shanghai'],
    ['cn-east-3', 'CN East-Shanghai1', 'CN', 'Shanghai'],
    ['cn-east-4', 'CN East2', 'CN'],
    ['cn-east-5', 'CN East-Qingdao', 'CN', 'Qingdao'],
    ['cn-north-1', 'CN North-Beijing1', 'CN', 'Beijing'],
    ['cn-north-4', 'CN North-Beijing4', 'CN', 'Beijing'],
    ['cn-north-2', 'CN North (cn-north-2)', 'CN'],
    ['cn-north-9', 'CN North-Ulanqab1', 'CN', 'Ulanqab'],
    ['cn-north-11', 'CN North (cn-north-11)', 'CN'],
    ['cn-north-12', 'CN North3', 'CN'],
    ['cn-south-1', 'CN South-Guangzhou', 'CN', 'Guangzhou'],
    ['cn-south-2', 'CN South (cn-south-2)', 'CN'],
    ['cn-south-4', 'CN South (cn-south-4)', 'CN'],
    ['cn-southwest-2', 'CN Southwest-Guiyang1', 'CN', 'Guiyang'],
    ['cn-southwest-3', 'cn-southwest-3', 'CN', undefined, { sources: [sdk] }],
    ['eu-west-0', 'EU-Paris', 'FR', 'Paris'],
    ['eu-west-101', 'EU-Dublin', 'IE', 'Dublin'],
    ['la-north-2', 'LA-Mexico City2', 'MX', 'Mexico City'],
    ['la-south-2', 'LA-Santiago', 'CL', 'Santiago'],
    ['me-east-1', 'ME-Riyadh', 'SA', 'Riyadh'],
    ['my-kualalumpur-1', 'AP-Kuala Lumpur', 'MY', 'Kuala Lumpur'],
    ['na-mexico-1', 'LA-Mexico City1', 'MX', 'Mexico City'],
    ['ru-moscow-1', 'RU-Moscow', 'RU', 'Moscow'],
    ['ru-northwest-2', 'RU (ru-northwest-2)', 'RU'],
    ['sa-brazil-1', 'LA-Sao Paulo1', 'BR', 'São Paulo'],
    ['tr-west-1', 'TR-Istanbul', 'TR', 'Istanbul'],
  ]),
};
