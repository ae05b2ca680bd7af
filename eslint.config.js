import js from '@eslint/js'
import globals from 'globals'
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
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  { files: ['**/*.cts'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
)
