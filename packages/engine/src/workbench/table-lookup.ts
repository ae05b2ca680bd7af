import type { Catalog, CatalogTable } from '../api/contract/catalog.js'
import { EngineError } from '../api/contract/errors.js'
import type { TableRef } from '../api/contract/table.js'

/** How a table is named in the library API: a `TableRef`, or `"schema.name"` (split at the first dot). */
export type TableName = TableRef | string

/**
 * Reads `"flights.flights"` or `{ schema, name }` into a `TableRef`.
 * @throws EngineError `BAD_INPUT` when a string has no dot, or an empty schema or name.
 */
export function toTableRef(table: TableName): TableRef {
  if (typeof table !== 'string') return table
  const dot = table.indexOf('.')
  const ref = { schema: table.slice(0, dot), name: table.slice(dot + 1) }
  if (dot < 0 || ref.schema === '' || ref.name === '') {
    throw new EngineError(
      'BAD_INPUT',
      `name a table as "schema.name" or { schema, name }; got ${JSON.stringify(table)}`,
    )
  }
  return ref
}

/**
 * The catalog table `ref` names (exact, case-sensitive names, as in the catalog).
 * @throws EngineError `NOT_FOUND` naming the table, with the tables of its schema (or the schemas) to pick from;
 *   `detail` = { schema, name }.
 */
export function findCatalogTable(catalog: Catalog, ref: TableRef): CatalogTable {
  const tables = catalog.sources.flatMap((source) => source.tables)
  const found = tables.find((table) => table.schema === ref.schema && table.name === ref.name)
  if (found !== undefined) return found
  const inSchema = tables.filter((table) => table.schema === ref.schema).map((table) => table.name)
  const choices =
    inSchema.length > 0
      ? `tables in "${ref.schema}": ${inSchema.join(', ')}`
      : `schemas: ${[...new Set(tables.map((table) => table.schema))].join(', ') || 'none (no source is set up)'}`
  throw new EngineError('NOT_FOUND', `no table "${ref.schema}"."${ref.name}" in the catalog; ${choices}`, {
    schema: ref.schema,
    name: ref.name,
  })
}
