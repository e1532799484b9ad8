// typescript-eslint strict, plus the boundary rule that keeps `vscode` out of the engine and the CLI.
import js from '@eslint/js';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      'test/fixtures/**',
      '.tools/**',
      'media/**',
      '**/*.mjs',
      'esbuild.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked.map((c) => ({ ...c, files: ['src/**/*.ts', 'test/**/*.ts'] })),
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      // typescript-eslint's strictTypeChecked, with these choices (docs/testing.md, "Lint"):
      // - Without noUncheckedIndexedAccess, TypeScript types `args[1]`, `items[i]` and destructured
      //   elements as always present, and this rule then asks to delete the bounds checks that keep
      //   short or hostile input from crashing the evaluators (nearly all of its 175 findings).
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Counts and line numbers in messages are numbers by design.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // File systems and test doubles implement promise-returning interfaces with synchronous work;
      // `async` turns what they throw into a rejection, which is the point.
      '@typescript-eslint/require-await': 'off',
      // Imports sorted (and fixed by `npx eslint --fix`), so that a diff shows only what changed.
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read the CLI's JSON, SARIF and package files with JSON.parse and then assert their shape:
    // that `any` is the point of the assertion, so the no-unsafe-* rules do not apply to them.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The front ends use the engine through its index.ts only.
    files: ['src/vscode/**/*.ts', 'src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/engine/*', '!**/engine/index'], message: "Import from the engine's index.ts." }] },
      ],
    },
  },
  {
    // The report webview is its own small browser bundle: importing the engine's index would bundle the
    // whole engine into it. It shares one dependency-free module with the report instead.
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '/engine($|/(?!report/root-groups$))',
              message: 'The webview shares only engine/report/root-groups with the engine.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/cli/**/*.ts', 'src/action/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The engine and the CLI must not depend on VS Code.' }],
          patterns: [
            {
              group: ['**/vscode/**', '../vscode/*'],
              message: 'The engine and the CLI must not import the VS Code adapter.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The engine must not depend on VS Code.' }],
          patterns: [
            { group: ['**/vscode/**', '../vscode/*'], message: 'The engine must not import the VS Code adapter.' },
            { group: ['**/cli/**'], message: 'The engine must not import the CLI.' },
          ],
        },
      ],
    },
  },
);
