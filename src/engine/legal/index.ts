/**
 * The only place where case names, statutes, dates and URLs live. Every sentence here is our own
 * wording of a line marked CONFIRMED in shared/reference/legal-facts.md; keep it that way when editing.
 * Nothing here calls any offering "safe" or "immune".
 */

export interface Citation {
  label: string;
  url: string;
}

/** 18 U.S.C. § 2713, the operative words quoted from the U.S. Code text. */
export const STATUTE = {
  cite: '18 U.S.C. § 2713',
  enactedBy: 'CLOUD Act, Pub. L. 115-141, div. V, § 103(a)(1), signed Mar. 23, 2018',
  quote:
    'possession, custody, or control, regardless of whether such communication, record, or other information is located within or outside of the United States',
  url: 'https://lexbuild.dev/usc/title-18/chapter-121/section-2713',
} as const;

export const CASE = {
  name: 'United States v. Microsoft Corp.',
  secondCircuit: 'Microsoft Corp. v. United States, 829 F.3d 197 (2d Cir. 2016)',
  supremeCourt: 'United States v. Microsoft Corp., 138 S. Ct. 1186 (2018) (per curiam)',
  secondCircuitUrl: 'https://assets.documentcloud.org/documents/2993612/Microsoft-ca2-20160714.txt',
  supremeCourtUrl: 'https://supreme.justia.com/cases/federal/us/584/17-2/',
} as const;

/** One sentence: what the statute requires. */
export function statuteSentence(): string {
  return (
    `${STATUTE.cite} (${STATUTE.enactedBy}) requires a U.S. provider to disclose data in its ` + `"${STATUTE.quote}".`
  );
}

/** The warrant case in a few sentences, in the order things happened. */
export function caseSentences(): string[] {
  return [
    'In December 2013 a U.S. magistrate judge issued a Stored Communications Act warrant, served on Microsoft in Redmond, for e-mail content that Microsoft kept in a Dublin, Ireland datacenter.',
    'Microsoft refused to hand over the content and in September 2014 agreed to be held in civil contempt, without sanctions, so that it could appeal.',
    `The Second Circuit ruled for Microsoft (${CASE.secondCircuit}).`,
    `Congress then passed the CLOUD Act, and the Supreme Court vacated the case as moot (${CASE.supremeCourt}), so the Second Circuit's holding is no longer binding.`,
  ];
}

/**
 * The warrant case in one sentence, for hovers: the agreed contempt, the Second Circuit and the Supreme
 * Court's vacatur as moot (legal-facts.md A1, all CONFIRMED).
 */
export function caseSummary(): string {
  return (
    'In the Microsoft Ireland warrant case Microsoft agreed in September 2014 to be held in civil contempt so that ' +
    `it could appeal, won in the Second Circuit (${CASE.secondCircuit}), and the Supreme Court vacated the ` +
    `judgment as moot after the CLOUD Act (${CASE.supremeCourt}).`
  );
}

/** One short sentence pointing to the statute and the case, for places with little room (diagnostic messages). */
export function citationLine(): string {
  return (
    `See ${STATUTE.cite} ("possession, custody, or control", wherever the data is located) and the Microsoft ` +
    'Ireland warrant case (829 F.3d 197 (2d Cir. 2016), vacated as moot, 138 S. Ct. 1186 (2018)).'
  );
}

/** A short legal note for hovers: what applies when a U.S.-controlled operator runs a non-U.S. region. */
export function shortNote(): string {
  return (
    `Under ${STATUTE.cite} a U.S. provider must disclose data in its "possession, custody, or control" ` +
    'regardless of where it is stored. The Microsoft Ireland warrant case (Dublin datacenter, 2013–2018) ' +
    'ended when the CLOUD Act made it moot.'
  );
}

/** What the statute does not say, stated so that reports do not overstate it. */
export function limitsSentence(): string {
  return (
    'Access to content still requires legal process such as a § 2703 warrant, and a provider can move to ' +
    'modify or quash it on comity grounds; the location of a region alone does not settle the question.'
  );
}

/** For operators owned by a U.S. parent through a local company (AWS European Sovereign Cloud, Oracle EU Sovereign Cloud). */
export function sovereignSubsidiaryNote(): string {
  return (
    'This offering is run by companies incorporated in the EU but ultimately owned by a U.S. parent. ' +
    'Whether § 2713 reaches data held by such a subsidiary through its parent\'s "control" is untested in court.'
  );
}

/** For regions operated by non-U.S. companies under licence of U.S. technology (CAL004). */
export function licensedOperatorNote(): string {
  return (
    'This region is operated by a company that is not controlled by a U.S. entity, using technology licensed ' +
    'from a U.S. provider. How the CLOUD Act applies to such arrangements has not been decided by a court.'
  );
}

export function citations(): Citation[] {
  return [
    { label: `${STATUTE.cite} (U.S. Code text)`, url: STATUTE.url },
    { label: CASE.secondCircuit, url: CASE.secondCircuitUrl },
    { label: CASE.supremeCourt, url: CASE.supremeCourtUrl },
  ];
}
