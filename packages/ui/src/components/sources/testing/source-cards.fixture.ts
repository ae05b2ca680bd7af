import type { SourceCard, SourceTestResult } from '@idw/engine/api'

/**
 * Test support (not part of the app): the card of a MySQL source `shop` with two tables, ready, added through the
 * API; `overrides` change any field.
 */
export function sourceCard(overrides: Partial<SourceCard> = {}): SourceCard {
  return {
    name: 'shop',
    fdw: 'mysql_fdw',
    typeLabel: 'MySQL / MariaDB',
    location: '127.0.0.1:3306/shop',
    tables: 2,
    status: 'ready',
    statusMessage: null,
    origin: 'api',
    tags: [],
    appliedAt: '2025-01-01T00:00:00Z',
    refreshedAt: null,
    ...overrides,
  }
}

/** Test support: the engine's answer to `sources/test` when `shop` connects in 40 ms and lists 3 tables. */
export const CONNECTED: SourceTestResult = {
  ok: true,
  verdict: 'ok',
  code: null,
  message: 'connected to 127.0.0.1:3306/shop: 3 tables',
  action: null,
  detail: null,
  latencyMs: 40,
  remoteTables: 3,
}
