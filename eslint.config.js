import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

const PURE = [
  'server/modules/*/domain/**/*.ts',
  'server/platform/domain/**/*.ts',
  'src/lib/tracking/**/*.ts',
  'src/lib/shared/**/*.ts',
];

export default ts.config(
  { ignores: ['build/', '.svelte-kit/', 'data/', 'static/models/', 'server/platform/db/generated/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  {
    // Domain rules and the tracker are pure: no frameworks, no I/O, time only as an argument.
    files: PURE,
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['express', 'socket.io*', '@prisma/*', '*/generated/*', 'pg', 'ioredis', 'node:*', 'fs', 'pino'],
              message: 'domain and tracking code stay free of I/O and frameworks',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'take the time as an argument',
        },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'take the time as an argument' },
        {
          selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']",
          message: 'take the time as an argument',
        },
        {
          selector: "CallExpression[callee.name='setTimeout']",
          message: 'domain code does not schedule; the caller does',
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator'],
    },
  },
);
