import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('architecture boundaries', () => {
  it('keeps vscode out of src/engine and src/cli', () => {
    for (const dir of ['src/engine', 'src/cli']) {
      for (const file of tsFiles(path.join(ROOT, dir))) {
        const text = fs.readFileSync(file, 'utf8');
        assert.doesNotMatch(text, /from ['"]vscode['"]|require\(['"]vscode['"]\)/, file);
      }
    }
  });

  it('keeps Node built-ins out of src/engine, so that it can run in a browser (vscode.dev)', () => {
    for (const file of tsFiles(path.join(ROOT, 'src/engine'))) {
      const text = fs.readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /from ['"]node:|require\(['"]node:/, file);
    }
  });

  it('keeps Node built-ins out of the web build of the extension: each module that needs one has a .web.ts stand-in', () => {
    for (const file of tsFiles(path.join(ROOT, 'src/vscode'))) {
      const text = fs.readFileSync(file, 'utf8');
      if (file.endsWith('.web.ts')) {
        assert.doesNotMatch(text, /from ['"]node:|require\(['"]node:/, file);
      } else if (/from ['"]node:|require\(['"]node:/.test(text)) {
        assert.ok(
          fs.existsSync(file.replace(/\.ts$/, '.web.ts')),
          `${file} imports a Node built-in and has no .web.ts stand-in`,
        );
      }
    }
  });

  it('makes no network calls from the engine or CLI', () => {
    for (const dir of ['src/engine', 'src/cli']) {
      for (const file of tsFiles(path.join(ROOT, dir))) {
        const text = fs.readFileSync(file, 'utf8');
        assert.doesNotMatch(text, /from ['"](node:)?(http|https|net|tls|dgram|dns)['"]|\bfetch\(/, file);
      }
    }
  });
});
