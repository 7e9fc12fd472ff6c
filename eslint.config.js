// Lint enforces the architecture of ../shared/DESIGN.md: imports point one way only
// (renderer and electron → shared), only the IPC modules touch ipcMain/ipcRenderer,
// only storage touches lowdb, and imported markup is never injected.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'url'];

const noInjectedMarkup = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: 'Imported content is data, never markup: render the block model with React instead.',
};

const ipcOnlyInIpcModules = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Only electron/main/ipc/ and electron/preload/ may touch ipcMain / ipcRenderer.',
};

const lowdbOnlyInStorage = [
  { group: ['lowdb', 'lowdb/*'], message: 'Only electron/main/storage/ may import lowdb.' },
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'docs/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', noInjectedMarkup],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/__tests__/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom'],
          patterns: [
            {
              group: [...nodeBuiltins, '**/electron/**', '**/renderer/**', 'lowdb'],
              message: 'shared/ is pure: it imports only shared/ and pure libraries.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'electron',
            {
              name: '@mantine/core',
              importNames: ['SimpleGrid', 'Grid', 'Flex', 'AppShell'],
              message:
                'These inject <style> tags, which the CSP refuses: lay out with a CSS class instead.',
            },
          ],
          patterns: [
            {
              group: [...nodeBuiltins, '**/electron/**', 'lowdb'],
              message:
                'The renderer is a web page: it reaches the outside only via window.workbench.',
            },
            {
              // zod probes `new Function` when its schemas load, which the CSP reports.
              group: [
                'zod',
                '**/shared/domain/*',
                '!**/shared/domain/import-limits',
                '!**/shared/domain/highlight-limits',
                '!**/shared/domain/export-limits',
                '!**/shared/domain/tag-path',
                '**/shared/ipc/contract',
                '**/shared/claims/*',
              ],
              allowTypeImports: true,
              message: 'Import only types from zod schemas in the renderer (zod trips the CSP).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
  {
    // Playwright fixtures declare "no dependencies" as an empty destructuring pattern.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/ipc/**', 'electron/preload/**', 'electron/main/storage/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [ipcOnlyInIpcModules],
          patterns: [
            ...lowdbOnlyInStorage,
            { group: ['**/renderer/**'], message: 'Main never imports the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/ipc/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: lowdbOnlyInStorage }],
    },
  },
  {
    files: ['electron/main/storage/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [ipcOnlyInIpcModules] }],
    },
  },
);
