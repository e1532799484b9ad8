import assert from 'node:assert/strict';

import { catalog, type Placement } from '../../../src/engine';
import { buildHoverMarkdown, codeLensTitle, feedsTitle } from '../../../src/vscode/hover-markdown';
import { escapeMarkdown, explainRegionMarkdown, flag } from '../../../src/vscode/region-facts';

const loc = (file: string, line: number) => ({
  file,
  range: { start: { line, character: 11 }, end: { line, character: 25 } },
});

function placement(over: Partial<Placement> = {}): Placement {
  return {
    language: 'terraform',
    file: '/ws/main.tf',
    range: { start: { line: 5, character: 0 }, end: { line: 7, character: 1 } },
    headerRange: { start: { line: 5, character: 0 }, end: { line: 5, character: 40 } },
    type: 'aws_s3_bucket',
    name: 'invoices',
    address: 'aws_s3_bucket.invoices',
    module: null,
    provider: 'aws',
    region: { kind: 'known', value: 'eu-central-1' },
    regionLocation: loc('/ws/main.tf', 1),
    provenance: [
      { description: 'provider "aws"', location: loc('/ws/main.tf', 1) },
      { description: 'var.region default', location: loc('/ws/variables.tf', 2) },
    ],
    dataClass: 'customer-data',
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

const opts = {
  detail: 'short' as const,
  role: 'resource' as const,
  displayPath: (p: string) => p.replace('/ws/', ''),
  moreUri: 'command:cloudActLens.explainRegion?x',
};

describe('hover markdown', () => {
  it('names the region, country, city, partition, operator and controller', () => {
    const md = buildHoverMarkdown(placement(), opts);
    assert.match(md, /`eu-central-1` — Europe \\\(Frankfurt\\\)/);
    assert.match(md, /Germany \\\(DE\\\), Frankfurt/);
    assert.match(md, /Partition \/ cloud:\*\* `aws`/);
    assert.match(md, /Operator → controller:\*\* Amazon Web Services, Inc\. → Amazon\.com, Inc\. \\\(US\\\)/);
    assert.match(md, /U\.S\.-controlled \\\(Amazon Web Services\\\)/);
    assert.match(md, /Customer data:\*\* yes/);
  });

  it('leads with the answer (region, country, operator → controller), then details and provenance, then the legal note', () => {
    const md = buildHoverMarkdown(placement(), opts);
    const at = (re: RegExp) => md.search(re);
    assert.ok(at(/\*\*Region:\*\*/) < at(/\*\*Location:\*\*/));
    assert.ok(at(/\*\*Location:\*\*/) < at(/\*\*Operator → controller:\*\*/));
    assert.ok(at(/\*\*Operator → controller:\*\*/) < at(/\*\*Control:\*\*/));
    assert.ok(at(/\*\*Control:\*\*/) < at(/\*\*Region from:\*\*/));
    assert.ok(at(/\*\*Region from:\*\*/) < at(/18 U\.S\.C\. § 2713/));
    assert.equal(md.match(/18 U\.S\.C\. § 2713 \\\(CLOUD Act/g)?.length, 1, 'the statute is cited once');
  });

  it('carries no legal text when the region is not known (CAL002) or not in the catalog (CAL006)', () => {
    const unknown = {
      ...placement(),
      region: { kind: 'unknown' as const, reason: 'var.region has no value' },
      regionId: null,
    };
    assert.doesNotMatch(buildHoverMarkdown(unknown, opts), /§ 2713|civil contempt/);
    const typo = {
      ...placement(),
      region: { kind: 'known' as const, value: 'eu-central-9' },
      regionId: 'eu-central-9',
      regionKnown: false,
    };
    assert.doesNotMatch(buildHoverMarkdown(typo, opts), /§ 2713|civil contempt/);
  });

  it('shows the provenance chain with workspace-relative paths', () => {
    const md = buildHoverMarkdown(placement(), opts);
    assert.match(md, /Region from:\*\* provider "aws" at main\.tf:2 ← var\.region default at variables\.tf:3/);
  });

  it('cites § 2713 with its quote and the Microsoft Ireland case, with links', () => {
    const md = buildHoverMarkdown(placement(), opts);
    assert.match(md, /18 U\.S\.C\. § 2713/);
    assert.match(md, /possession, custody, or control, regardless of whether/);
    assert.match(md, /civil contempt/);
    assert.match(md, /829 F\.3d 197/);
    assert.match(md, /138 S\. Ct\. 1186/);
    assert.match(
      md,
      /\]\(https:\/\/uscode\.house\.gov\/view\.xhtml\?req=granuleid:USC-prelim-title18-section2713&num=0&edition=prelim\)/,
    );
    assert.match(md, /\]\(https:\/\/supreme\.justia\.com\/cases\/federal\/us\/584\/17-2\/\)/);
    assert.doesNotMatch(md, /\bsafe\b|\bimmune\b/i);
  });

  it('is concise by default with a "more" link, and longer in full', () => {
    const short = buildHoverMarkdown(placement(), opts);
    const full = buildHoverMarkdown(placement(), { ...opts, detail: 'full' });
    assert.match(short, /\[More about this region…\]\(command:cloudActLens\.explainRegion\?x\)/);
    assert.doesNotMatch(full, /More about this region/);
    assert.match(full, /Redmond/);
    assert.ok(full.length > short.length);
  });

  it('omits the legal note for a U.S. region and for an operator without U.S. control', () => {
    const us = buildHoverMarkdown(placement({ regionId: 'us-east-1', country: 'US' }), opts);
    assert.doesNotMatch(us, /2713/);
    const nonUs = buildHoverMarkdown(placement({ control: 'non-us', controller: 'DE' }), opts);
    assert.doesNotMatch(nonUs, /2713/);
  });

  it('explains an unresolved region and escapes what comes from the file', () => {
    const md = buildHoverMarkdown(
      placement({
        region: { kind: 'unknown', reason: 'var.region has no default *and* no tfvars' },
        regionId: null,
        country: null,
        regionKnown: false,
        address: 'aws_s3_bucket.x[`evil`]',
      }),
      { ...opts, role: 'region', others: 2 },
    );
    assert.match(md, /not determined statically — var\.region has no default \\\*and\\\* no tfvars/);
    assert.match(md, /Region of `` aws_s3_bucket\.x\[`evil`\] `` and 2 other resources/);
  });

  it('lists accepted findings with their reason', () => {
    const md = buildHoverMarkdown(
      placement({
        findings: [
          {
            ruleId: 'CAL001',
            severity: 'warning',
            message: 'm',
            file: '/ws/main.tf',
            range: placement().headerRange,
            resource: 'aws_s3_bucket.invoices',
            related: [],
            suppressed: { reason: 'public data', expires: '2027-01-01', location: loc('/ws/main.tf', 4) },
          },
        ],
      }),
      opts,
    );
    assert.match(md, /`CAL001` warning — accepted: public data \(until 2027-01-01\)/);
  });
});

describe('code lens title and region document', () => {
  it('says how many resources a value feeds and where they land', () => {
    const de = placement();
    const ie = { ...placement(), address: 'aws_s3_bucket.b', country: 'IE' };
    const unknown = { ...placement(), address: 'aws_s3_bucket.c', country: null };
    assert.equal(feedsTitle([de]), 'feeds 1 resource in Germany');
    assert.equal(feedsTitle([de, { ...de, address: 'x' }]), 'feeds 2 resources in Germany');
    assert.equal(feedsTitle([ie, de]), 'feeds 2 resources: Germany, Ireland');
    assert.equal(feedsTitle([de, unknown]), 'feeds 2 resources: Germany, not known');
    assert.equal(feedsTitle([unknown]), 'feeds 1 resource (region not known)');
  });

  it('shows country code, region and control, without flag emoji (boxes on Linux and Windows)', () => {
    assert.equal(codeLensTitle(placement()), 'DE · eu-central-1 · U.S.-controlled (Amazon Web Services)');
    assert.equal(flag('xx1'), '');
  });

  it('builds the explain-region document from the catalog', () => {
    const md = explainRegionMarkdown('aws', 'EU-Central-1');
    assert.ok(md);
    assert.match(md, /# Amazon Web Services `eu-central-1`/);
    assert.match(md, /## Legal note/);
    assert.match(md, /## Sources/);
    assert.equal(explainRegionMarkdown('aws', 'mars-north-1'), undefined);
  });

  it('shows the same notes as the CLI: no provider-wide notes beside a partner-operated region', () => {
    for (const [p, r] of [
      ['azure', 'chinanorth3'],
      ['gcp', 'u-france-east1'],
      ['aws', 'cn-north-1'],
      ['azure', 'bleufrancecentral'],
    ]) {
      const md = explainRegionMarkdown(p, r) ?? '';
      const provider = catalog.getProvider(p)!;
      for (const n of provider.notes ?? []) {
        assert.ok(!md.includes(escapeMarkdown(n)), `${p}/${r} shows the provider-wide note: ${n}`);
      }
      const match = catalog.lookupRegion(p, r)!;
      for (const n of catalog.regionNotes(provider, match)) {
        assert.ok(md.includes(escapeMarkdown(n)), `${p}/${r} lacks ${n}`);
      }
    }
  });

  it('escapes markdown metacharacters', () => {
    assert.equal(escapeMarkdown('[a](b) *c*'), '\\[a\\]\\(b\\) \\*c\\*');
  });
  it('lists the copies of the data with region, country, controller, kind and where each comes from', () => {
    const md = buildHoverMarkdown(
      placement({
        copies: [
          {
            kind: 'replication',
            regionId: 'us-east-1',
            unresolvedReason: null,
            country: 'US',
            controller: 'US',
            operator: 'Amazon Web Services, Inc.',
            ultimateParent: 'Amazon.com, Inc.',
            regionKnown: true,
            multiCountry: false,
            provenance: [{ description: 'destination bucket aws_s3_bucket.dr', location: loc('/ws/main.tf', 30) }],
          },
          {
            kind: 'replica',
            regionId: null,
            unresolvedReason: 'var.dr_region has no default',
            country: null,
            controller: null,
            operator: null,
            ultimateParent: null,
            regionKnown: false,
            multiCountry: false,
            provenance: [],
          },
        ],
      }),
      opts,
    );
    assert.match(md, /\*\*Copies of the data\*\*/);
    assert.match(
      md,
      /- replication: `us-east-1` \(US\), Amazon Web Services, Inc\. \(US\) — \*\*another country\*\* · from destination bucket aws\\_s3\\_bucket\.dr at main\.tf:31/,
    );
    assert.match(md, /- replica: region not known — var\.dr\\_region has no default/);
    assert.equal(codeLensTitle(placement({ copies: [] })).includes('cop'), false);
  });
  it('lists every placement of a declaration that several roots place, each with its root and region', () => {
    const inRoot = (root: string, regionId: string, country: string) =>
      placement({
        unit: `terraform:/ws/examples/${root}`,
        address: 'module.db.aws_db_instance.this',
        regionId,
        region: { kind: 'known', value: regionId },
        country,
      });
    const all = [inRoot('a', 'eu-central-1', 'DE'), inRoot('b', 'eu-west-1', 'IE'), inRoot('c', 'eu-west-1', 'IE')];
    const md = buildHoverMarkdown(all[0], { ...opts, all });
    assert.match(md, /\*\*All 3 placements of this declaration\*\* \(3 roots\)/);
    assert.match(md, /- examples\/a: `module\.db\.aws_db_instance\.this` — `eu-central-1` \(DE\) \(above\)\n/);
    assert.match(md, /- examples\/b: `module\.db\.aws_db_instance\.this` — `eu-west-1` \(IE\)\n/);
    assert.match(md, /- examples\/c: `module\.db\.aws_db_instance\.this` — `eu-west-1` \(IE\)/);
    // The legal note is the same as in the hover of a single placement (short, and not repeated per root).
    const single = buildHoverMarkdown(all[0], opts);
    assert.equal(md.match(/829 F\.3d 197/g)?.length, single.match(/829 F\.3d 197/g)?.length);
    assert.ok(md.startsWith(single.slice(0, single.indexOf('[More about'))));

    const many = [
      ...all,
      ...Array.from({ length: 7 }, (_, i) => inRoot(`x${i}`, i < 5 ? 'eu-west-1' : 'us-east-1', 'IE')),
    ];
    const long = buildHoverMarkdown(many[0], { ...opts, all: many });
    assert.equal(long.match(/^- examples\//gm)?.length, 8);
    assert.match(long, /- and 2 more: us-east-1 ×2$/m);
    // One placement: no list.
    assert.doesNotMatch(buildHoverMarkdown(all[0], { ...opts, all: [all[0]] }), /All \d+ placements/);
  });
});
