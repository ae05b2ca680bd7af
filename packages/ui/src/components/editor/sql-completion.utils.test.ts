import type { CatalogSource } from '@idw/engine/api'
import { describe, expect, it } from 'vitest'
import { completionEntries } from './sql-completion.utils'

const sources: CatalogSource[] = [
  {
    name: 'files',
    fdw: 'file_fdw',
    server: 'files',
    location: 'airports.csv',
    schema: 'files',
    tables: [
      {
        schema: 'files',
        name: 'airports',
        kind: 'view',
        estimatedRows: 3376,
        columns: [
          { name: 'iata', type: 'text', nullable: false },
          { name: 'State', type: 'text', nullable: true },
        ],
      },
      {
        schema: 'files',
        name: 'carriers',
        kind: 'view',
        estimatedRows: null,
        columns: [{ name: 'iata', type: 'text', nullable: false }],
      },
    ],
  },
]

describe('completionEntries', () => {
  it('offers schemas, qualified tables and each column name once, quoted when needed', () => {
    expect(completionEntries(sources)).toEqual([
      { label: 'files', kind: 'schema', detail: 'files · file_fdw', insertText: 'files' },
      { label: 'files.airports', kind: 'table', detail: 'view · files', insertText: 'files.airports' },
      { label: 'files.carriers', kind: 'table', detail: 'view · files', insertText: 'files.carriers' },
      { label: 'iata', kind: 'column', detail: 'text · files.airports', insertText: 'iata' },
      { label: 'State', kind: 'column', detail: 'text · files.airports', insertText: '"State"' },
    ])
  })
})
