import type { CatalogTable } from '../api/contract/catalog.js'
import { compileSelect } from './compile-select.js'
import type { CompiledQuery } from './compiled-query.js'
import { parseSelect } from './parse-select.js'
import type { SelectSpec } from './select-spec.js'

/**
 * Turns a select spec on one catalog table into parameterized SQL: `parseSelect` then `compileSelect`.
 *
 * ```ts
 * buildSelectQuery(flights, { filters: { origin: { in: ['SEA', 'PDX'] }, delay: { gt: 15 } }, order_by: '-delay', limit: 100 })
 * // { sql: 'SELECT … FROM "flights"."flights" WHERE "origin" = ANY($1::text[]) AND "delay" > $2
 * //         ORDER BY "delay" DESC LIMIT $3', parameters: [['SEA', 'PDX'], 15, 100] }
 * ```
 * @throws EngineError `BAD_INPUT` with every problem of the spec and its path (see `parseSelect`).
 */
export function buildSelectQuery(table: CatalogTable, spec: SelectSpec): CompiledQuery {
  return compileSelect(parseSelect(table, spec))
}
