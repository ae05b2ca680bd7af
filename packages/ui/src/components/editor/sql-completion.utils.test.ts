import { describe, expect, it } from 'vitest'
import { CATALOG_SOURCES } from '../catalog/testing/catalog-sources.fixture'
import { completionEntries } from './sql-completion.utils'

describe('completionEntries', () => {
  it('offers schemas, qualified tables and each column name once, quoted when needed', () => {
    expect(completionEntries(CATALOG_SOURCES)).toEqual([
      { label: 'flights', kind: 'schema', detail: 'flights · postgres_fdw', insertText: 'flights' },
      { label: 'flights.flights', kind: 'table', detail: 'view · flights', insertText: 'flights.flights' },
      { label: 'files', kind: 'schema', detail: 'files · file_fdw', insertText: 'files' },
      { label: 'files.airports', kind: 'table', detail: 'view · files', insertText: 'files.airports' },
      { label: 'files.carriers', kind: 'table', detail: 'view · files', insertText: 'files.carriers' },
      { label: 'origin', kind: 'column', detail: 'text · flights.flights', insertText: 'origin' },
      { label: 'delay', kind: 'column', detail: 'integer · flights.flights', insertText: 'delay' },
      { label: 'iata', kind: 'column', detail: 'text · files.airports', insertText: 'iata' },
      { label: 'State', kind: 'column', detail: 'text · files.airports', insertText: '"State"' },
    ])
  })
})
