import * as assert from 'node:assert/strict';
import { explain } from '../../../src/cli/explain';

describe('catalog explain', () => {
  it('prints location, operator, control, sources and alternatives', () => {
    const text = explain('aws', 'eu-central-1', 'text') ?? '';
    assert.match(text, /Germany \(DE\), Frankfurt/);
    assert.match(text, /Amazon\.com, Inc\./);
    assert.match(text, /U\.S\.-controlled/);
    assert.match(text, /https:\/\/github\.com\/aws\/aws-sdk-js-v3/);
    assert.match(text, /Hetzner Cloud/);
    assert.match(text, /STACKIT/);
    assert.doesNotMatch(text, /\b(safe|immune)\b/i);
  });

  it('accepts Terraform provider names, display names and region display names', () => {
    const text = explain('azurerm', 'West Europe', 'text') ?? '';
    assert.match(text, /westeurope/);
    assert.match(text, /Netherlands \(NL\)/);
    assert.ok(explain('Microsoft Azure', 'WESTEUROPE', 'text'));
    assert.ok(explain('google-beta', 'europe-west1-b', 'text')?.includes('zone of europe-west1'));
  });

  it('shows the sovereign and licensed-operator notes', () => {
    assert.match(explain('aws', 'eusc-de-east-1', 'text') ?? '', /No court has ruled whether § 2713 reaches data/);
    const china = explain('aws', 'cn-north-1', 'text') ?? '';
    assert.match(china, /Sinnet/);
    assert.match(china, /licence of U\.S\. technology/);
    assert.doesNotMatch(china, /subsidiary of Amazon/, 'provider-wide notes are not shown for another operator');
  });

  it('prints JSON with the effective region, control and alternatives', () => {
    const doc = JSON.parse(explain('gcp', 'europe-west3-a', 'json') ?? '{}') as {
      region: { kind: string };
      effectiveRegion: { id: string; country: string };
      control: string;
      alternatives: Array<{ provider: string }>;
    };
    assert.equal(doc.region.kind, 'zone');
    assert.equal(doc.effectiveRegion.id, 'europe-west3');
    assert.equal(doc.effectiveRegion.country, 'DE');
    assert.equal(doc.control, 'us');
    assert.ok(doc.alternatives.some((a) => a.provider === 'ionos'));
  });

  it('returns undefined for an unknown provider or region', () => {
    assert.equal(explain('nope', 'eu-central-1', 'text'), undefined);
    assert.equal(explain('aws', 'eu-central-9', 'text'), undefined);
  });
});
