import type { ProviderData, Source } from '../types';
import { locations } from './define';

// Alibaba Cloud region ids from its "Regions and zones" page. Ids look like AWS's but mean other
// places: `eu-west-1` is London and `ap-southeast-3` is Kuala Lumpur here.
const asOf = '2026-11-26';
const doc: Source = {
  url: 'https://www.alibabacloud.com/help/en/cloud-migration-guide-for-beginners/latest/regions-and-zones',
  title: 'Alibaba Cloud: Regions and zones',
  asOf,
};
const annualReport: Source = {
  url: 'https://sec.gov/Archives/edgar/data/1577552/000119312524044480/d791119d20fa.htm',
  title: 'Alibaba Group Holding Limited: Form 20-F/A for the year to 31 March 2023 (cover page)',
  asOf,
};
const alibaba = { name: 'Alibaba Group Holding Limited', country: 'CN', incorporatedIn: 'KY' };

export const alicloud: ProviderData = {
  provider: {
    id: 'alicloud',
    displayName: 'Alibaba Cloud',
    operator: { name: 'Alibaba Cloud (Alibaba Group)', country: 'CN' },
    ultimateParent: alibaba,
    control: 'non-us',
    terraformProviders: ['alicloud'],
    resourcePrefixes: ['alicloud_'],
    zoneLetters: 'abcdefghijklmn',
    notes: [
      "Alibaba Group Holding Limited is incorporated in the Cayman Islands; its principal executive offices are in Hong Kong S.A.R., People's Republic of China. Outside mainland China the contracting entity depends on the region.",
    ],
    sources: [doc, annualReport],
    asOf,
  },
  regions: locations({ providerId: 'alicloud', partition: 'alibabacloud', sources: [doc], asOf }, [
    ['cn-beijing', 'China (Beijing)', 'CN', 'Beijing'],
    ['cn-beijing-finance-1', 'China (Beijing) Finance Cloud', 'CN', 'Beijing'],
    ['cn-heyuan-acdr-1', 'China (Heyuan) ACDR', 'CN', 'Heyuan'],
    ['cn-north-2-gov-1', 'China North 2 Ali Gov', 'CN'],
    ['cn-shanghai-finance-1', 'China (Shanghai) Finance Cloud', 'CN', 'Shanghai'],
    ['cn-shenzhen-finance-1', 'China (Shenzhen) Finance Cloud', 'CN', 'Shenzhen'],
    ['cn-zhengzhou-jva', 'China (Zhengzhou - Joint Venture)', 'CN', 'Zhengzhou'],
    ['cn-zhongwei', 'China (Zhongwei)', 'CN', 'Zhongwei'],
    ['cn-chengdu', 'China (Chengdu)', 'CN', 'Chengdu'],
    ['cn-fuzhou', 'China (Fuzhou - Local Region)', 'CN', 'Fuzhou'],
    ['cn-guangzhou', 'China (Guangzhou)', 'CN', 'Guangzhou'],
    ['cn-hangzhou', 'China (Hangzhou)', 'CN', 'Hangzhou'],
    ['cn-heyuan', 'China (Heyuan)', 'CN', 'Heyuan'],
    ['cn-hongkong', 'China (Hong Kong)', 'HK', 'Hong Kong'],
    ['cn-huhehaote', 'China (Hohhot)', 'CN', 'Hohhot'],
    ['cn-nanjing', 'China (Nanjing - Local Region)', 'CN', 'Nanjing'],
    ['cn-qingdao', 'China (Qingdao)', 'CN', 'Qingdao'],
    ['cn-shanghai', 'China (Shanghai)', 'CN', 'Shanghai'],
    ['cn-shenzhen', 'China (Shenzhen)', 'CN', 'Shenzhen'],
    ['cn-wuhan-lr', 'China (Wuhan - Local Region)', 'CN', 'Wuhan'],
    ['cn-wulanchabu', 'China (Ulanqab)', 'CN', 'Ulanqab'],
    ['cn-zhangjiakou', 'China (Zhangjiakou)', 'CN', 'Zhangjiakou'],
    ['ap-northeast-1', 'Japan (Tokyo)', 'JP', 'Tokyo'],
    ['ap-northeast-2', 'South Korea (Seoul)', 'KR', 'Seoul'],
    ['ap-south-1', 'India (Mumbai)', 'IN', 'Mumbai'],
    ['ap-southeast-1', 'Singapore', 'SG', 'Singapore'],
    ['ap-southeast-2', 'Australia (Sydney)', 'AU', 'Sydney'],
    ['ap-southeast-3', 'Malaysia (Kuala Lumpur)', 'MY', 'Kuala Lumpur'],
    ['ap-southeast-5', 'Indonesia (Jakarta)', 'ID', 'Jakarta'],
    ['ap-southeast-6', 'Philippines (Manila)', 'PH', 'Manila'],
    ['ap-southeast-7', 'Thailand (Bangkok)', 'TH', 'Bangkok'],
    ['eu-central-1', 'Germany (Frankfurt)', 'DE', 'Frankfurt'],
    ['eu-west-1', 'UK (London)', 'GB', 'London'],
    ['me-central-1', 'Saudi Arabia (Riyadh)', 'SA', 'Riyadh'],
    ['me-east-1', 'UAE (Dubai)', 'AE', 'Dubai'],
    ['na-south-1', 'Mexico (Queretaro)', 'MX', 'Querétaro'],
    ['us-east-1', 'US (Virginia)', 'US', 'Virginia'],
    ['us-west-1', 'US (Silicon Valley)', 'US', 'Silicon Valley'],
    ['us-southeast-1', 'US (Southeast)', 'US'],
    ['sa-east-1', 'Brazil (Sao Paulo)', 'BR'],
  ]),
};
