// ESLint flat config. The engine must stay pure: no editor, protocol or Node I/O imports,
// so the CLI, the language server and the tests can all share it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const impureModules = [
  'vscode',
  'vscode-languageserver',
  'vscode-languageserver/*',
  'vscode-languageclient',
  'vscode-languageclient/*',
  'vscode-languageserver-textdocument',
  'fs',
  'fs/*',
  'node:*',
  'path',
  'child_process',
  'os',
  'net',
  'http',
  'https',
  'worker_threads',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'server/src/generated/**',
      '.vscode-test/**',
      'bench/.corpus/**',
      'bench/results/**',
      // Local experiments, git-ignored.
      '.scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: [
      'server/src/engine/**/*.ts',
      'server/src/knowledge/**/*.ts',
      'server/src/config/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: impureModules,
              message:
                'The engine is pure: no editor, LSP or Node I/O imports. Put I/O in server/src/node/.',
            },
          ],
        },
      ],
    },
  },
  {
    // node:test's describe/it return promises the runner awaits itself.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false, project: null },
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
);
