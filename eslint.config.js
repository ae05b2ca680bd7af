import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/** One lint config for the whole repository (flat config). */
export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.idw-test/**', '**/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
)
