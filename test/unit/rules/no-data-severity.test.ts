import assert from 'node:assert/strict';

import { defaultConfig, type Placement } from '../../../src/engine';
import { assess } from '../../../src/engine/assess/assess';

function placement(over: Partial<Placement>): Placement {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } };
  return {
    language: 'terraform',
    file: '/repo/main.tf',
    range,
    headerRange: range,
    type: 'aws_vpc',
    name: 'main',
    address: 'aws_vpc.main',
    module: null,
    provider: 'aws',
    region: { kind: 'known', value: 'eu-central-1' },
    provenance: [],
    dataClass: 'no-customer-data',
    global: false,
    regionId: 'eu-central-1',
    country: 'DE',
    controller: 'US',
    operator: 'Amazon Web Services, Inc.',
    ultimateParent: 'Amazon.com, Inc.',
    control: 'us',
    regionKnown: true,
    copies: [],
    findings: [],
    ...over,
  };
}

const ctx = { displayPath: (p: string) => p };

describe('noDataSeverity (resources that hold no customer data)', () => {
  const rules = (setting: 'error' | 'warning' | 'info' | 'off', over: Partial<Placement> = {}) => {
    const config = { ...defaultConfig(), noDataSeverity: setting };
    return assess(placement(over), config, { ...ctx, config }).map((f) => `${f.ruleId} ${f.severity}`);
  };

  it('reports CAL001 at the chosen level, and not at all when "off" (it used to become a warning)', () => {
    assert.deepEqual(rules('info'), ['CAL001 info']);
    assert.deepEqual(rules('error'), ['CAL001 error']);
    assert.deepEqual(rules('off'), []);
  });

  it('applies the same to CAL008', () => {
    const copy = {
      kind: 'replication' as const,
      regionId: 'us-east-1',
      unresolvedReason: null,
      country: 'US',
      controller: 'US',
      operator: 'Amazon Web Services, Inc.',
      ultimateParent: 'Amazon.com, Inc.',
      regionKnown: true,
      multiCountry: false,
      provenance: [],
    };
    assert.deepEqual(rules('info', { copies: [copy] }), ['CAL001 info', 'CAL008 info']);
    assert.deepEqual(rules('off', { copies: [copy] }), []);
  });

  it('leaves resources that hold customer data at the rule severity', () => {
    const config = { ...defaultConfig(), noDataSeverity: 'off' as const };
    const found = assess(placement({ dataClass: 'customer-data' }), config, { ...ctx, config });
    assert.deepEqual(
      found.map((f) => `${f.ruleId} ${f.severity}`),
      ['CAL001 warning'],
    );
  });
});
