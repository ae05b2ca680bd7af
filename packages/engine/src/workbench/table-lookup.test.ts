import { describe, expect, it } from 'vitest'
import type { Catalog } from '../api/contract/catalog.js'
import { EngineError } from '../api/contract/errors.js'
import { findCatalogTable, toTableRef } from './table-lookup.js'

const table = (schema: string, name: string) => ({
  schema,
  name,
  kind: 'view' as const,
  estimatedRows: null,
  columns: [],
})
const CATALOG: Catalog = {
  sources: [
    {
      name: 'flights',
      fdw: 'postgres_fdw',
      server: 'flights',
      location: null,
      schema: 'flights',
      tables: [table('flights', 'flights')],
    },
    {
      name: 'files',
      fdw: 'file_fdw',
      server: 'files',
      location: null,
      schema: 'files',
      tables: [table('files', 'airports')],
    },
  ],
}

function notFound(run: () => unknown): EngineError {
  try {
    run()
  } catch (err) {
    if (err instanceof EngineError) return err
    throw err
  }
  throw new Error('expected NOT_FOUND')
}

describe('table lookup', () => {
  it('reads "schema.name" at the first dot, and refuses names without one', () => {
    expect(toTableRef('flights.flights')).toEqual({ schema: 'flights', name: 'flights' })
    expect(toTableRef('shop.order.items')).toEqual({ schema: 'shop', name: 'order.items' })
    expect(toTableRef({ schema: 'a', name: 'b' })).toEqual({ schema: 'a', name: 'b' })
    expect(() => toTableRef('flights')).toThrow(/schema\.name/)
    expect(() => toTableRef('.x')).toThrow(EngineError)
  })

  it('finds a table by exact schema and name', () => {
    expect(findCatalogTable(CATALOG, { schema: 'files', name: 'airports' }).name).toBe('airports')
  })

  it('answers NOT_FOUND with the tables of the schema, or the schemas', () => {
    const inSchema = notFound(() => findCatalogTable(CATALOG, { schema: 'flights', name: 'Flights' }))
    expect([inSchema.code, inSchema.message, inSchema.detail]).toEqual([
      'NOT_FOUND',
      'no table "flights"."Flights" in the catalog; tables in "flights": flights',
      { schema: 'flights', name: 'Flights' },
    ])
    expect(notFound(() => findCatalogTable(CATALOG, { schema: 'shop', name: 'x' })).message).toContain(
      'schemas: flights, files',
    )
    expect(notFound(() => findCatalogTable({ sources: [] }, { schema: 'a', name: 'b' })).message).toContain(
      'none (no source is set up)',
    )
  })
})
