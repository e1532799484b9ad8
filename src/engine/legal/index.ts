/**
 * The only place where case names, statutes, dates and URLs live. Every sentence here words a fact of
 * the project's legal reference (docs/legal-reference.md) and cites its id as `[LR-nnn]` in a comment
 * beside it; a unit test checks that each cited id is defined there. Keep it that way when editing.
 * Nothing here calls any offering "safe" or "immune".
 */

export interface Citation {
  label: string;
  url: string;
}

/** 18 U.S.C. § 2713, the operative words quoted from the U.S. Code text. [LR-001] [LR-002] */
export const STATUTE = {
  cite: '18 U.S.C. § 2713',
  enactedBy: 'CLOUD Act, Pub. L. 115-141, div. V, § 103(a)(1), signed Mar. 23, 2018',
  quote:
    'possession, custody, or control, regardless of whether such communication, record, or other information is located within or outside of the United States',
  // The official U.S. Code (Office of the Law Revision Counsel); the text was read from a reproduction of it (LR-001).
  url: 'https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title18-section2713&num=0&edition=prelim',
} as const;

/** [LR-012] [LR-013] */
export const CASE = {
  name: 'United States v. Microsoft Corp.',
  secondCircuit: 'Microsoft Corp. v. United States, 829 F.3d 197 (2d Cir. 2016)',
  supremeCourt: 'United States v. Microsoft Corp., 138 S. Ct. 1186 (2018) (per curiam)',
  secondCircuitUrl: 'https://assets.documentcloud.org/documents/2993612/Microsoft-ca2-20160714.txt',
  supremeCourtUrl: 'https://supreme.justia.com/cases/federal/us/584/17-2/',
} as const;

/** One sentence: what the statute says, without overstating it. */
export function statuteSentence(): string {
  return (
    // [LR-001] the words of § 2713; [LR-002] its enactment.
    `${STATUTE.cite} (${STATUTE.enactedBy}) applies a provider's obligations under the Stored Communications ` +
    `Act to preserve, back up or disclose data to data in its "${STATUTE.quote}". ` +
    // [LR-003] no stand-alone duty: disclosure of content needs legal process.
    'It creates no stand-alone duty: disclosure of content still requires legal process, such as a § 2703 warrant.'
  );
}

/** The warrant case in a few sentences, in the order things happened. */
export function caseSentences(): string[] {
  return [
    // [LR-010]
    'In December 2013 a U.S. magistrate judge issued a Stored Communications Act warrant, served on Microsoft in Redmond, for e-mail content that Microsoft kept in a Dublin, Ireland datacenter.',
    // [LR-011]
    'Microsoft refused to hand over the content and in September 2014 agreed to be held in civil contempt, without sanctions, so that it could appeal.',
    // [LR-012]
    `The Second Circuit ruled for Microsoft (${CASE.secondCircuit}).`,
    // [LR-002] [LR-013]
    `Congress then passed the CLOUD Act, and the Supreme Court vacated the case as moot (${CASE.supremeCourt}), so the Second Circuit's holding is no longer binding.`,
  ];
}

/** The warrant case in one sentence, for hovers. */
export function caseSummary(): string {
  return (
    // [LR-011] [LR-012] [LR-013]
    'In the Microsoft Ireland warrant case Microsoft agreed in September 2014 to be held in civil contempt so that ' +
    `it could appeal, won in the Second Circuit (${CASE.secondCircuit}), and the Supreme Court vacated the ` +
    `judgment as moot after the CLOUD Act (${CASE.supremeCourt}).`
  );
}

/** A short legal note for hovers: what applies when a U.S.-controlled operator runs a non-U.S. region. */
export function shortNote(): string {
  return (
    // [LR-001] [LR-003]
    `${STATUTE.cite} applies a provider's Stored Communications Act obligations to data in its "possession, ` +
    'custody, or control", regardless of where it is stored; legal process such as a warrant is still needed. ' +
    // [LR-010] [LR-013]
    'The Microsoft Ireland warrant case (Dublin datacenter, 2013–2018) ended when the CLOUD Act made it moot.'
  );
}

/** What the statute does not say, stated so that reports do not overstate it. */
export function limitsSentence(): string {
  return (
    // [LR-003]
    'Access to content still requires legal process such as a § 2703 warrant. ' +
    // [LR-004] [LR-005]
    'The statutory comity motion (§ 2703(h)) is open only where the customer is not a U.S. person and disclosure ' +
    'would risk violating the laws of a "qualifying foreign government", one with a § 2523 agreement; no EU member ' +
    'state has one, so for EU regions only the common-law comity challenge that the Act preserves remains. ' +
    // [LR-090]
    notLegalAdvice()
  );
}

/** Said wherever a legal note is given. */
export function notLegalAdvice(): string {
  // [LR-090]
  return 'CLOUD Act Lens gives information, not legal advice.';
}

/**
 * For regions run by companies outside the U.S. whose ultimate owner is a U.S. company (AWS European
 * Sovereign Cloud, Oracle EU Sovereign Cloud): states the open question, no conclusion.
 */
export function sovereignSubsidiaryNote(): string {
  return (
    // [LR-020]
    "This offering is run separately from the provider's other regions, by companies outside the U.S. whose ultimate " +
    'owner is a U.S. company. No court has ruled whether § 2713 reaches data they hold through the parent\'s "control".'
  );
}

/** For regions operated by non-U.S. companies under licence of U.S. technology (CAL004). */
export function licensedOperatorNote(): string {
  return (
    // [LR-021] [LR-022]
    'This region is operated by a company that is not controlled by a U.S. entity, using technology licensed ' +
    // [LR-023]
    'from a U.S. provider. How the CLOUD Act applies to such arrangements has not been decided by a court.'
  );
}

/** The sources of LR-001, LR-012 and LR-013. */
export function citations(): Citation[] {
  return [
    { label: `${STATUTE.cite} (U.S. Code text)`, url: STATUTE.url },
    { label: CASE.secondCircuit, url: CASE.secondCircuitUrl },
    { label: CASE.supremeCourt, url: CASE.supremeCourtUrl },
  ];
}
