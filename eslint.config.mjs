// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': 'error',
    },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      'test/**',
      'bench/**',
      'scripts/**',
      'libs/*/scripts/**',
      'libs/testing/**',
    ],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  // Module boundaries (STYLE.md, DESIGN.md): a pure core, apps that never import each other, libs that
  // never import apps, and libs reached only through their @disclose/* alias.
  {
    files: ['libs/deadlines/src/**/*.ts', 'libs/domain/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'typeorm/*',
                'pg',
                'bullmq',
                'ioredis',
                'nodemailer',
                'class-validator',
                'class-transformer',
                'fastify',
                '@fastify/*',
                'nestjs-pino',
                'pino',
              ],
              message: 'The pure core imports no framework.',
            },
            {
              group: [
                'fs',
                'node:fs',
                'fs/*',
                'node:fs/*',
                'net',
                'node:net',
                'http',
                'node:http',
                'child_process',
                'node:child_process',
              ],
              message: 'The pure core does no I/O.',
            },
            {
              group: ['**/apps/**', '@disclose/*', '!@disclose/deadlines', '!@disclose/domain'],
              message: 'The pure core depends on nothing of ours but itself.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/deadlines/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'pg',
                'bullmq',
                'ioredis',
                'nodemailer',
                'class-validator',
                'fastify',
                'fs',
                'node:fs',
                'net',
                'node:net',
                'http',
                'node:http',
              ],
              message: 'The deadline engine is pure: no framework, no I/O.',
            },
            {
              group: ['@disclose/*', '!@disclose/deadlines', '**/apps/**', '../../../*'],
              message: 'The deadline engine imports nothing of ours.',
            },
          ],
        },
      ],
    },
  },
  ...['api', 'worker', 'cli'].map((app) => ({
    files: [`apps/${app}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['api', 'worker', 'cli']
                .filter((a) => a !== app)
                .flatMap((a) => [`**/apps/${a}/**`, `../../${a}/**`, `../${a}/**`]),
              message: 'No app imports another app: share code through a lib.',
            },
            {
              group: ['**/libs/*/src/**', '../../libs/**', '../../../libs/**'],
              message: 'Import libs through their @disclose/* alias.',
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['libs/**/*.ts'],
    ignores: ['libs/deadlines/src/**', 'libs/domain/src/**', 'libs/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/apps/**'], message: 'A lib never imports an app.' },
            {
              group: ['../../*/src', '../../*/src/**'],
              message: 'Import other libs through their @disclose/* alias.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
