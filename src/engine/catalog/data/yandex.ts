import type { ProviderData, Source } from '../types';
import { locations } from './define';

// Yandex Cloud regions and availability zones from its "Regions" and "Availability zones" docs.
const asOf = '2026-11-26';
const doc: Source = {
  url: 'https://yandex.cloud/en/docs/overview/concepts/region',
  title: 'Yandex Cloud: regions and availability zones',
  asOf,
};
const zone = (parent: string) => ({ kind: 'zone' as const, parentRegion: parent });

export const yandex: ProviderData = {
  provider: {
    id: 'yandex',
    displayName: 'Yandex Cloud',
    operator: { name: 'Yandex.Cloud LLC', country: 'RU' },
    ultimateParent: { name: 'Yandex (MKPAO Yandex)', country: 'RU' },
    control: 'non-us',
    terraformProviders: ['yandex'],
    resourcePrefixes: ['yandex_'],
    sources: [doc],
    asOf,
  },
  regions: locations({ providerId: 'yandex', partition: 'yandex-cloud', sources: [doc], asOf }, [
    ['ru-central1', 'Russia (Moscow region)', 'RU'],
    ['ru-central1-a', 'ru-central1 zone a', 'RU', undefined, zone('ru-central1')],
    ['ru-central1-b', 'ru-central1 zone b', 'RU', undefined, zone('ru-central1')],
    ['ru-central1-c', 'ru-central1 zone c (retired)', 'RU', undefined, zone('ru-central1')],
    ['ru-central1-d', 'ru-central1 zone d', 'RU', undefined, zone('ru-central1')],
    ['kz1', 'Kazakhstan', 'KZ'],
    ['kz1-a', 'kz1 zone a', 'KZ', undefined, zone('kz1')],
  ]),
};
