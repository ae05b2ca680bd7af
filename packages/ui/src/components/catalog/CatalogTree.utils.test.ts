import type { CatalogSource } from '@idw/engine/api'
import { describe, expect, it } from 'vitest'
import { filterCatalog, isNodeOpen, sourceKey, tableKey } from './CatalogTree.utils'

const sources: CatalogSource[] = [
  {
    name: 'flights',
    fdw: 'postgres_fdw',
    server: 'flights',
    location: '127.0.0.1:5432/demo_remote',
    schema: 'flights',
    tables: [
      {
        schema: 'flights',
        name: 'flights',
        kind: 'view',
        estimatedRows: 3_000_000,
        columns: [
          { name: 'origin', type: 'text', nullable: true },
          { name: 'delay', type: 'integer', nullable: true },
        ],
      },
    ],
  },
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
          { name: 'iata', type: 'text', nullable: true },
          { name: 'state', type: 'text', nullable: true },
        ],
      },
    ],
  },
]

const shape = (filter: string) =>
  filterCatalog(sources, filter).map((s) => [
    s.source.name,
    s.tables.map((t) => [t.table.name, t.columns.map((c) => c.name), t.openedByFilter]),
  ])

describe('filterCatalog', () => {
  it('shows everything for a blank filter', () => {
    expect(shape('  ')).toEqual([
      ['flights', [['flights', ['origin', 'delay'], false]]],
      ['files', [['airports', ['iata', 'state'], false]]],
    ])
  })

  it('keeps a matching source whole, matching by name or FDW', () => {
    expect(shape('FILE_FDW')).toEqual([['files', [['airports', ['iata', 'state'], false]]]])
  })

  it('shows a matching table with all its columns', () => {
    expect(shape('files.air')).toEqual([['files', [['airports', ['iata', 'state'], false]]]])
  })

  it('opens a table whose columns match and shows only those columns', () => {
    expect(shape('delay')).toEqual([['flights', [['flights', ['delay'], true]]]])
  })

  it('shows nothing when nothing matches', () => {
    expect(shape('zzz')).toEqual([])
  })
})

describe('isNodeOpen', () => {
  it('prefers the user toggle over the default', () => {
    expect(isNodeOpen({}, sourceKey('files'), true)).toBe(true)
    expect(isNodeOpen({ [sourceKey('files')]: false }, sourceKey('files'), true)).toBe(false)
    expect(isNodeOpen({ [tableKey('files', 'airports')]: true }, tableKey('files', 'airports'), false)).toBe(true)
  })
})
