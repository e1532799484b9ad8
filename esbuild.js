// Build script. `node esbuild.js` bundles the extension and the CLI into dist/;
// `--production` minifies without source maps; `--watch` rebuilds on change;
// `--tests` also transpiles src/ and test/ file-by-file into out/ for mocha (no bundling,
// so every test imports the same module instances it exercises).
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const bench = process.argv.includes('--bench');

/** Lists files below `dir` whose names end with one of `exts`. */
function listFiles(dir, exts, out = []) {
  if (!fs.existsSync(dir)) {
    return out;
  }
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'fixtures' && entry.name !== 'node_modules') {
        listFiles(full, exts, out);
      }
    } else if (exts.some((e) => entry.name.endsWith(e))) {
      out.push(full);
    }
  }
  return out;
}

/** Reports build errors in the `file:line:col: error: message` form that VS Code's problem matchers read. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    // In watch mode these lines tell VS Code's background task (.vscode/tasks.json) when a rebuild
    // starts and ends, so that F5 launches the extension only after the first build.
    build.onStart(() => {
      if (watch) {
        console.log('[watch] build started');
      }
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) {
          console.error(`    ${location.file}:${location.line}:${location.column}:`);
        }
      }
      if (watch) {
        console.log('[watch] build finished');
      }
    });
  },
};

/**
 * The web build (vscode.dev, github.dev, any web worker extension host): modules that need Node have a
 * `<name>.web.ts` stand-in beside them, used in their place.
 */
const webStandIns = {
  name: 'web-stand-ins',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const standIn = path.join(args.resolveDir, `${args.path}.web.ts`);
      return fs.existsSync(standIn) ? { path: standIn } : undefined;
    });
  },
};

/**
 * Libraries that few runs need, built into files of their own under dist/lib/ and loaded by the Node
 * bundles when first required (the sources require them lazily): YAML (`yamldecode`, policy files in
 * YAML) and the world map's outlines and projection (HTML reports). Compiling them with every bundle cost
 * each CLI run about 35 ms of start-up (345 KB of 924 KB), a tenth of the scan of a small repository.
 * The web bundle keeps them inside: a web worker has no files to load them from.
 */
const LAZY_LIBRARIES = {
  yaml: 'yaml',
  'd3-geo': 'd3-geo',
  'topojson-client': 'topojson-client',
  'world-atlas/countries-110m.json': 'world-atlas-countries-110m',
};

const lazyLibraries = {
  name: 'lazy-libraries',
  setup(build) {
    const names = Object.keys(LAZY_LIBRARIES).map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    build.onResolve({ filter: new RegExp(`^(?:${names.join('|')})$`) }, (args) => ({
      path: `./lib/${LAZY_LIBRARIES[args.path]}.js`,
      external: true,
    }));
  },
};

const bundles = [
  ...Object.entries(LAZY_LIBRARIES).map(([specifier, name]) => ({
    stdin: { contents: `module.exports = require(${JSON.stringify(specifier)});`, resolveDir: __dirname },
    outfile: `dist/lib/${name}.js`,
  })),
  { entryPoints: { extension: 'src/vscode/extension.ts' }, external: ['vscode'], plugins: [lazyLibraries] },
  // The same extension for a web worker: no Node built-ins (a test keeps them out of the bundle).
  {
    entryPoints: { 'web/extension': 'src/vscode/extension.ts' },
    external: ['vscode'],
    platform: 'browser',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    plugins: [webStandIns],
  },
  {
    entryPoints: { cli: 'src/cli/main.ts' },
    banner: { js: '#!/usr/bin/env node' },
    plugins: [lazyLibraries],
  },
  { entryPoints: { 'scan-worker': 'src/cli/scan-worker.ts' }, plugins: [lazyLibraries] },
  // The report webview's script (typed with the message protocol of src/vscode/report/messages.ts).
  {
    entryPoints: { 'webview/report': 'src/webview/report.ts' },
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
  },
  // The GitHub Action's scan step (action.yml): runs dist/cli.js once per requested format.
  { entryPoints: { action: 'src/action/main.ts' } },
];

async function main() {
  const contexts = [];
  for (const b of bundles) {
    contexts.push(
      await esbuild.context({
        ...(b.stdin ? { stdin: b.stdin, outfile: b.outfile } : { entryPoints: b.entryPoints, outdir: 'dist' }),
        bundle: true,
        format: b.format ?? 'cjs',
        platform: b.platform ?? 'node',
        target: b.target ?? 'node20',
        // jsonc-parser's UMD build hides its requires from the bundler; its ESM build bundles cleanly.
        mainFields: b.mainFields ?? ['module', 'main'],
        // Not whitespace: the same CLI bundle minified to a few very long lines peaked at 1.88 GB instead
        // of 1.45 GB on a 20 MB Terraform file of 210,000 resources, in the same time (measured with the
        // benchmark's single-file scan); renaming and syntax minification cost nothing.
        minifySyntax: production,
        minifyIdentifiers: production,
        sourcemap: !production,
        sourcesContent: false,
        external: b.external ?? [],
        banner: b.banner,
        logLevel: 'silent',
        plugins: [problemMatcher, ...(b.plugins ?? [])],
      }),
    );
  }
  if (tests) {
    // Start from an empty out/src and out/test: a transpiled file whose source was moved or deleted
    // would otherwise stay behind and be loaded in its place (`./functions.js` before `./functions/`).
    if (!watch) {
      for (const dir of ['out/src', 'out/test']) {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    const files = [...listFiles('src', ['.ts']), ...listFiles('test', ['.ts'])].filter((f) => !f.endsWith('.d.ts'));
    contexts.push(
      await esbuild.context({
        entryPoints: files,
        bundle: false,
        format: 'cjs',
        platform: 'node',
        target: 'node20',
        sourcemap: true,
        outdir: 'out',
        outbase: '.',
        logLevel: 'silent',
        plugins: [problemMatcher],
      }),
    );
  }
  if (bench) {
    // Benchmarks run bundled, as the shipped CLI and extension do: file-by-file CommonJS output adds
    // a property getter to every cross-module call, which distorts hot-loop measurements.
    const entries = fs.readdirSync('test/bench').filter((f) => f.endsWith('.ts'));
    contexts.push(
      await esbuild.context({
        entryPoints: entries.map((f) => `test/bench/${f}`),
        bundle: true,
        format: 'cjs',
        platform: 'node',
        target: 'node20',
        mainFields: ['module', 'main'],
        minify: false,
        sourcemap: true,
        outdir: 'out/bench',
        logLevel: 'silent',
        plugins: [problemMatcher],
      }),
    );
  }
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  let failed = false;
  for (const c of contexts) {
    try {
      await c.rebuild();
    } catch {
      failed = true;
    }
    await c.dispose();
  }
  if (fs.existsSync('dist/cli.js')) {
    fs.chmodSync('dist/cli.js', 0o755);
  }
  if (failed) {
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
