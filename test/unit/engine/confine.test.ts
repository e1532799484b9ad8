import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { nodeFs } from '../../../src/cli/node-fs';
import type { EngineFs, LimitedRead } from '../../../src/engine/host';
import { confine } from '../../../src/engine/workspace/confine';

/** What a read gave, without the bytes: `ok:<text>` or the refusal's kind. */
async function outcome(fsys: EngineFs, p: string): Promise<string> {
  try {
    const r: LimitedRead = await fsys.readFileLimited!(p, 1 << 20);
    return r.kind === 'ok' ? `ok:${Buffer.from(r.bytes).toString('utf8')}` : r.kind;
  } catch (e) {
    return `error:${(e as NodeJS.ErrnoException).code}`;
  }
}

describe('confine: a one-shot scan resolves directories once', () => {
  let base: string;
  let repo: string;
  const realpaths: string[] = [];
  const counting: EngineFs = {
    ...nodeFs,
    realpath: async (p) => {
      realpaths.push(p);
      return nodeFs.realpath!(p);
    },
  };

  before(() => {
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cal-confine-')));
    repo = path.join(base, 'repo');
    const outside = path.join(base, 'outside');
    fs.mkdirSync(path.join(repo, 'dir'), { recursive: true });
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'secret.tfvars'), 'outside');
    fs.writeFileSync(path.join(outside, 'module.tf'), 'module outside');
    fs.writeFileSync(path.join(repo, 'dir', 'a.tf'), 'a');
    fs.writeFileSync(path.join(repo, 'dir', 'b.tfvars'), 'b');
    // A file that is a link to outside, a link inside, and a directory that is a link to outside.
    fs.symlinkSync('../../outside/secret.tfvars', path.join(repo, 'dir', 'link.tfvars'));
    fs.symlinkSync('a.tf', path.join(repo, 'dir', 'alias.tf'));
    fs.symlinkSync('../outside', path.join(repo, 'up'));
  });
  after(() => fs.rmSync(base, { recursive: true, force: true }));

  const paths = () => [
    `${repo}/dir/a.tf`,
    `${repo}/dir/b.tfvars`,
    `${repo}/dir/link.tfvars`,
    `${repo}/dir/alias.tf`,
    `${repo}/dir/missing.tf`,
    `${repo}/up/secret.tfvars`,
    `${repo}/up/module.tf`,
  ];

  it('reads and refuses exactly what a read that resolves every path does', async () => {
    const each = confine(nodeFs, [repo]);
    const once = confine(nodeFs, [repo], { stableTree: true });
    const expected = ['ok:a', 'ok:b', 'outside', 'ok:a', 'missing', 'outside', 'ok:module outside'];
    for (const fsys of [each, once]) {
      assert.deepEqual(await Promise.all(paths().map((p) => outcome(fsys, p))), expected);
    }
  });

  it('looks up the real path of a directory once, not of every file in it', async () => {
    realpaths.length = 0;
    const once = confine(counting, [repo], { stableTree: true });
    for (const name of ['a.tf', 'b.tfvars', 'a.tf', 'missing.tf']) {
      await outcome(once, `${repo}/dir/${name}`);
    }
    assert.deepEqual(realpaths.filter((p) => p !== repo).sort(), [`${repo}/dir`]);
    realpaths.length = 0;
    const each = confine(counting, [repo]);
    for (const name of ['a.tf', 'b.tfvars']) {
      await outcome(each, `${repo}/dir/${name}`);
    }
    assert.deepEqual(realpaths.filter((p) => p !== repo).sort(), [`${repo}/dir/a.tf`, `${repo}/dir/b.tfvars`]);
  });

  it('takes the real path of a listed subfolder from its parent, never of a linked one', async () => {
    realpaths.length = 0;
    const once = confine(counting, [repo], { stableTree: true });
    await once.readDirectory(repo);
    assert.equal(await outcome(once, `${repo}/dir/a.tf`), 'ok:a');
    assert.deepEqual(
      realpaths.filter((p) => p !== repo),
      [],
    );
    // `up` is listed as a link: it is resolved, and what lies behind it is refused.
    assert.equal(await outcome(once, `${repo}/up/secret.tfvars`), 'outside');
    assert.ok(realpaths.includes(`${repo}/up`));
  });

  it('resolves a file that is a link in full', async () => {
    realpaths.length = 0;
    const once = confine(counting, [repo], { stableTree: true });
    assert.equal(await outcome(once, `${repo}/dir/link.tfvars`), 'outside');
    assert.ok(realpaths.includes(`${repo}/dir/link.tfvars`));
  });
});
