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
  ...tseslint.configs.strict,
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
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
