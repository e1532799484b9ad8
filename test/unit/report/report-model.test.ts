import assert from 'node:assert/strict';

import { buildReportModel } from '../../../src/engine/report/report-model';
import { sampleData } from './sample-report';

describe('report model', () => {
  const m = buildReportModel(sampleData());

  it('summarises resources, flagged, unresolved, accepted and errors', () => {
    assert.deepEqual(
      [
        m.summary.resources,
        m.summary.nonUsRegionUsControlled,
        m.summary.unresolved,
        m.summary.accepted,
        m.summary.errors,
      ],
      [5, 3, 1, 1, 1],
    );
    assert.deepEqual(m.summary.bySeverity, { error: 0, warning: 3, info: 1 });
  });

  it('makes one row per placement, relative paths, 1-based lines, accepted reason kept', () => {
    assert.equal(m.rows.length, 5);
    const logs = m.rows.find((r) => r.resource === 'aws_s3_bucket.logs')!;
    assert.equal(logs.file, 'main.tf');
    assert.equal(logs.line, 11);
    assert.equal(logs.severity, null, 'an accepted finding does not set the row severity');
    assert.deepEqual(logs.rules[0].accepted, { reason: 'backups only, <b>approved</b>', expires: '2027-01-01' });
    assert.equal(m.rows.find((r) => r.resource === 'aws_instance.web')!.unresolvedReason, 'var.region has no default');
  });

  it('counts bars by country, controller and provider, most first', () => {
    assert.deepEqual(
      m.byCountry.map((b) => [b.key, b.count, b.usControlled]),
      [
        ['DE', 3, 3],
        ['unresolved', 1, 0],
        ['US', 1, 0],
      ],
    );
    // An unresolved region is its own bar, not "not one country" (which means a multi-region).
    assert.equal(m.byCountry.find((b) => b.key === 'unresolved')!.label, 'Region not determined');
    assert.deepEqual(m.byController, [{ key: 'US', label: 'United States', count: 5, usControlled: 3 }]);
    assert.equal(m.byProvider[0].label, 'Amazon Web Services');
  });

  it('keeps findings on no placement, legal citations and alternatives per flagged country', () => {
    assert.deepEqual(
      m.otherFindings.map((f) => f.ruleId),
      ['CAL007'],
    );
    assert.ok(m.legal.citations.length >= 3);
    assert.ok(m.legal.paragraphs.some((p) => p.includes('18 U.S.C. § 2713')));
    assert.deepEqual(
      m.alternatives.map((a) => a.country),
      ['DE'],
    );
  });
});
