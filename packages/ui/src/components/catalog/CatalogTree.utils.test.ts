import { describe, expect, it } from 'vitest'
import { filterCatalog, isNodeOpen, sourceKey, tableKey } from './CatalogTree.utils'
import { CATALOG_SOURCES } from './testing/catalog-sources.fixture'

const shape = (filter: string) =>
  filterCatalog(CATALOG_SOURCES, filter).map((s) => [
    s.source.name,
    s.tables.map((t) => [t.table.name, t.columns.map((c) => c.name), t.openedByFilter]),
  ])

describe('filterCatalog', () => {
  it('shows everything for a blank filter', () => {
    expect(shape('  ')).toEqual([
      ['flights', [['flights', ['origin', 'delay'], false]]],
      [
        'files',
        [
          ['airports', ['iata', 'State'], false],
          ['carriers', ['iata'], false],
        ],
      ],
    ])
  })

  it('keeps a matching source whole, matching by name or FDW', () => {
    expect(shape('FILE_FDW')).toEqual([
      [
        'files',
        [
          ['airports', ['iata', 'State'], false],
          ['carriers', ['iata'], false],
        ],
      ],
    ])
  })

  it('shows a matching table with all its columns', () => {
    expect(shape('files.air')).toEqual([['files', [['airports', ['iata', 'State'], false]]]])
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
