import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'test-artifacts/', 'scratch/', 'src/db/migrations/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // The domain knows nothing of HTTP, drivers or the environment (STYLE.md).
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['hono', 'hono/*', 'pg', '@electric-sql/*', '**/web/**', '**/cli/**'] }],
      'no-restricted-globals': ['error', { name: 'process', message: 'Read configuration through config.ts' }],
    },
  },
);
