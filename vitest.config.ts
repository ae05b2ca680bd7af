import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

/** Tests run the engine's TypeScript sources, so hosts and tests share one copy of every class. */
const alias = [
  {
    find: /^@idw\/engine\/api$/,
    replacement: fileURLToPath(new URL('packages/engine/src/api/contract/index.ts', import.meta.url)),
  },
  { find: /^@idw\/engine$/, replacement: fileURLToPath(new URL('packages/engine/src/index.ts', import.meta.url)) },
]

/**
 * Two projects: `unit` (pure code, no database) and `integration` (a real PostgreSQL hub, started once by the
 * global setup; it includes the browser tests of `e2e/`, which drive the built web host in Debian's Chromium).
 */
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**', '**/dist/**'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['packages/*/src/**/*.int.test.ts', 'apps/*/src/**/*.int.test.ts', 'e2e/**/*.e2e.test.ts'],
          globalSetup: ['packages/engine/test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
})
