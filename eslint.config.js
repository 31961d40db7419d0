// Lint rules, including the architecture's import boundaries (as Actual Budget
// does with no-restricted-imports): the renderer imports only src-main/shared;
// nothing outside src-main/electron imports electron; src-main/shared imports no
// Node, Electron or DOM-bound code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const noElectron = { name: 'electron', message: 'Only src-main/electron may import electron.' };

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      '.cache/',
      'test-results/',
      'playwright-report/',
      'bench-results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'describe', property: 'only' },
        { object: 'it', property: 'only' },
        { object: 'test', property: 'only' },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
      globals: { ...globals.browser },
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    // The window's security rules are pure, so they are tested under Node without Electron.
    files: ['src-main/electron/policy/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['src-main/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'crypto', 'better-sqlite3'],
              message: 'src-main/shared runs anywhere: no Node modules.',
            },
            {
              group: ['../core/*', '../electron/*', '../server/*', '../cli/*'],
              message: 'src-main/shared must not depend on other folders.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.svelte'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: [
                '**/src-main/core/**',
                '**/src-main/electron/**',
                '**/src-main/server/**',
                '**/src-main/cli/**',
                'node:*',
                'better-sqlite3',
              ],
              message: 'The renderer imports only src-main/shared.',
            },
          ],
        },
      ],
    },
  },
);
