import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { RULES } from '../../../src/engine/rules/registry';
import { TOOL_VERSION } from '../../../src/engine/version';
import { COMMANDS } from '../../../src/vscode/constants';

const ROOT = path.resolve(__dirname, '../../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

interface SettingsSection {
  id: string;
  title: string;
  order: number;
  properties: Record<string, Record<string, unknown>>;
}
/** The settings, in sections ("Where the data lands", "Rules", ...), as the Settings editor shows them. */
const sections = pkg.contributes.configuration as SettingsSection[];
const props: Record<string, Record<string, unknown>> = Object.assign({}, ...sections.map((s) => s.properties));

describe('package.json manifest', () => {
  it('matches the tool version', () => {
    assert.equal(pkg.version, TOOL_VERSION);
  });

  it('never activates on *', () => {
    assert.ok(!pkg.activationEvents.includes('*'));
    for (const e of ['onLanguage:terraform', 'onLanguage:bicep', 'onLanguage:json']) {
      assert.ok(pkg.activationEvents.includes(e), e);
    }
  });

  it('contributes exactly the commands in COMMANDS, each with the category', () => {
    const contributed = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(contributed, Object.values(COMMANDS).sort());
    for (const c of pkg.contributes.commands) {
      assert.equal(c.category, 'CLOUD Act Lens');
      assert.ok(!c.title.startsWith('CLOUD Act Lens'), 'no prefix in the title');
    }
  });

  it('contributes languages without grammars', () => {
    const ids = pkg.contributes.languages.map((l: { id: string }) => l.id).sort();
    // jsonc: the built-in language, associated with the project file (JSON with comments).
    assert.deepEqual(ids, ['bicep', 'bicep-params', 'jsonc', 'terraform', 'terraform-vars']);
    const grammars = (pkg.contributes.grammars ?? []) as Array<{ language?: string }>;
    assert.ok(
      grammars.every((g) => g.language === undefined),
      'only injection grammars',
    );
  });

  it('gives every setting a scope, a default and a markdownDescription', () => {
    for (const [key, p] of Object.entries<Record<string, unknown>>(props)) {
      assert.ok(key.startsWith('cloudActLens.'), key);
      assert.ok(p.scope, `${key} scope`);
      assert.ok('default' in p, `${key} default`);
      assert.ok(p.markdownDescription, `${key} markdownDescription`);
    }
  });

  it('contributes one severity setting per rule of the registry, with its default', () => {
    const ruleKeys = Object.keys(props).filter((k) => k.startsWith('cloudActLens.rules.'));
    assert.deepEqual(ruleKeys.sort(), RULES.map((r) => `cloudActLens.rules.${r.id}`).sort());
    for (const r of RULES) {
      const p = props[`cloudActLens.rules.${r.id}`];
      assert.equal(p.default, r.defaultSeverity, r.id);
      assert.deepEqual(p.enum, ['error', 'warning', 'info', 'off'], r.id);
    }
  });

  it("titles each rule setting by the rule's id and title from the registry, in id order", () => {
    const rules = sections.find((s) => s.title === 'Rules');
    assert.ok(rules, 'a Rules section');
    assert.deepEqual(
      Object.keys(rules.properties),
      RULES.map((r) => `cloudActLens.rules.${r.id}`),
    );
    for (const r of RULES) {
      const p: Record<string, unknown> = rules.properties[`cloudActLens.rules.${r.id}`];
      assert.ok(String(p.markdownDescription).startsWith(`**${r.id} — ${r.title}.**`), r.id);
      assert.equal(p.order, RULES.indexOf(r), `${r.id} order`);
    }
  });

  it('orders the settings: sections by importance, and every setting within its section', () => {
    assert.deepEqual(
      sections.map((s) => s.title),
      ['Where the data lands', 'Rules', 'Residency policy', 'Editor', 'Files and limits'],
    );
    sections.forEach((s, i) => {
      assert.equal(s.order, i, s.title);
      assert.deepEqual(
        Object.values(s.properties).map((p) => p.order),
        Object.keys(s.properties).map((_, n) => n),
        s.title,
      );
    });
  });

  it('has a 128×128 PNG icon', () => {
    const png = fs.readFileSync(path.join(ROOT, pkg.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  it('packages a Marketplace page that leads with what it does and a screenshot', () => {
    const m = /--readme-path (\S+)/.exec(pkg.scripts.package);
    assert.ok(m, 'vsce package --readme-path');
    const lines = fs.readFileSync(path.join(ROOT, m[1]), 'utf8').split('\n').slice(0, 8);
    assert.equal(lines[0], '# CLOUD Act Lens');
    const image = lines.find((l) => l.startsWith('!['));
    assert.ok(image, 'a screenshot within the first lines');
    const target = /\]\(([^)]+)\)/.exec(image)?.[1] ?? '';
    assert.ok(fs.existsSync(path.join(ROOT, target)), target);
    // The repository's README (set-up commands first) stays out of the package: one readme only.
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes('README.md'));
  });

  it('has a walkthrough whose steps show packaged files and run contributed commands', () => {
    const [walkthrough] = pkg.contributes.walkthroughs as Array<{
      steps: Array<{ id: string; description: string; media: { image?: string; markdown?: string } }>;
    }>;
    assert.ok(walkthrough);
    const ids = walkthrough.steps.map((s) => s.id);
    assert.deepEqual(ids, ['report', 'azureLocation', 'strictness', 'ci']);
    const ours = new Set<string>(Object.values(COMMANDS));
    for (const step of walkthrough.steps) {
      const file = step.media.image ?? step.media.markdown ?? '';
      assert.ok(fs.existsSync(path.join(ROOT, file)), `${step.id}: ${file}`);
      for (const [, command] of step.description.matchAll(/\(command:([\w.]+)/g)) {
        assert.ok(ours.has(command) || command.startsWith('workbench.'), `${step.id}: ${command}`);
      }
    }
  });

  it('declares untrusted-workspace support and a bin', () => {
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(pkg.bin['cloud-act-lens'], './dist/cli.js');
    assert.equal(pkg.main, './dist/extension.js');
  });

  it('keeps @types/vscode no newer than engines.vscode', () => {
    const engine = pkg.engines.vscode.replace(/^\^/, '');
    const types = pkg.devDependencies['@types/vscode'].replace(/^\^/, '');
    assert.ok(types.localeCompare(engine, undefined, { numeric: true }) <= 0);
  });
});
