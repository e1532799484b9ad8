import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { ruleDocsUrl, RULES } from '../../../src/engine';
import { anchorsOf, linksOf } from './markdown-links';

const ROOT = path.resolve(__dirname, '../../../..');
const REPOSITORY_FILES = 'https://github.com/cloud-act-lens/cloud-act-lens/blob/main/';
/** Packaged as the extension's readme by `vsce package --readme-path`. */
const MARKETPLACE_PAGE = 'media/marketplace.md';

/** README.md, CONTRIBUTING.md, CHANGELOG.md, the Marketplace page and every Markdown file under docs/. */
function markdownFiles(): string[] {
  const out = ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', MARKETPLACE_PAGE];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) {
        walk(rel);
      } else if (e.name.endsWith('.md')) {
        out.push(rel);
      }
    }
  };
  walk('docs');
  return out;
}

describe('documentation', () => {
  it('has a page for every rule the registry links to, and for CAL001 to CAL009', () => {
    const ids = new Set([...RULES.map((r) => r.id), ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `CAL00${n}`)]);
    for (const id of ids) {
      assert.ok(fs.existsSync(path.join(ROOT, 'docs/rules', `${id}.md`)), `docs/rules/${id}.md is missing`);
    }
    for (const rule of RULES) {
      const url = ruleDocsUrl(rule.id);
      assert.ok(url.startsWith(REPOSITORY_FILES), url);
      const file = url.slice(REPOSITORY_FILES.length);
      assert.ok(file.startsWith('docs/'), `${rule.id} links outside docs/: ${url}`);
      assert.ok(fs.existsSync(path.join(ROOT, file)), `${rule.id} links to a missing file: ${file}`);
      const page = fs.readFileSync(path.join(ROOT, file), 'utf8');
      assert.equal(page.split('\n')[0], `# ${rule.id} — ${rule.title}`, `${file}: the title is the registry's`);
    }
  });

  it('gives every rule page the same sections', () => {
    for (const file of fs.readdirSync(path.join(ROOT, 'docs/rules')).filter((f) => /^CAL\d{3}\.md$/.test(f))) {
      const headings = fs
        .readFileSync(path.join(ROOT, 'docs/rules', file), 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('## '));
      assert.deepEqual(
        headings,
        ['## What it checks', '## Why it matters', '## Example', '## How to fix', '## How to suppress'],
        file,
      );
    }
  });

  it('resolves every relative link and anchor in the Markdown files', () => {
    const broken: string[] = [];
    for (const file of markdownFiles()) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      for (const link of linksOf(text)) {
        const [target, anchor] = link.split('#', 2) as [string, string | undefined];
        // vsce rewrites the Marketplace page's relative links against the repository root.
        const base = file === MARKETPLACE_PAGE ? '.' : path.posix.dirname(file);
        const resolved = target === '' ? file : path.posix.normalize(path.posix.join(base, target));
        const abs = path.join(ROOT, resolved);
        if (!fs.existsSync(abs)) {
          broken.push(`${file}: ${link} (no file ${resolved})`);
        } else if (anchor && resolved.endsWith('.md') && !anchorsOf(fs.readFileSync(abs, 'utf8')).has(anchor)) {
          broken.push(`${file}: ${link} (no heading #${anchor} in ${resolved})`);
        }
      }
    }
    assert.deepEqual(broken, []);
  });

  it('keeps the README a short user page', () => {
    assert.ok(fs.statSync(path.join(ROOT, 'README.md')).size <= 16_000);
  });
});
