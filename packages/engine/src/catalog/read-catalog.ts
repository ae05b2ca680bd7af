import type { Pool } from 'pg'
import type { Catalog, CatalogSource, CatalogTable } from '../api/contract/catalog.js'
import { EngineError } from '../api/contract/errors.js'

const KINDS: Record<string, CatalogTable['kind']> = {
  v: 'view',
  f: 'foreign table',
  m: 'materialized view',
  r: 'table',
  p: 'table',
}

interface SourceRow {
  name: string
  fdw: string
  server: string
  location: string | null
}

interface ColumnRow {
  schema: string
  name: string
  kind: string
  reltuples: number | null
  column: string
  type: string
  nullable: boolean
}

/**
 * Relations of the sources' schemas with their columns, one row per column. A view's estimated rows and
 * column nullability come from the foreign table of the same name in `raw_<source>` (views have no statistics
 * and never say NOT NULL); `reltuples` -1 (never analyzed) is returned as null.
 */
const RELATIONS_SQL = `
  SELECT n.nspname AS schema, c.relname AS name, c.relkind AS kind,
         NULLIF(COALESCE(src.reltuples, c.reltuples), -1)::float8 AS reltuples,
         a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
         NOT COALESCE(ra.attnotnull, a.attnotnull) AS nullable
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_namespace rn ON rn.nspname = 'raw_' || n.nspname
    LEFT JOIN pg_class src ON src.relnamespace = rn.oid AND src.relname = c.relname AND src.relkind = 'f'
    LEFT JOIN pg_attribute ra ON ra.attrelid = src.oid AND ra.attname = a.attname AND NOT ra.attisdropped
   WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('v', 'f', 'm', 'r', 'p')
   ORDER BY n.nspname, c.relname, a.attnum`

function groupTables(rows: readonly ColumnRow[]): Map<string, CatalogTable[]> {
  const bySchema = new Map<string, CatalogTable[]>()
  let current: CatalogTable | undefined
  for (const row of rows) {
    if (!current || current.schema !== row.schema || current.name !== row.name) {
      current = {
        schema: row.schema,
        name: row.name,
        kind: KINDS[row.kind] ?? 'table',
        estimatedRows: row.reltuples,
        columns: [],
      }
      bySchema.set(row.schema, [...(bySchema.get(row.schema) ?? []), current])
    }
    current.columns.push({ name: row.column, type: row.type, nullable: row.nullable })
  }
  return bySchema
}

/**
 * Reads the catalog people browse: each source applied by the engine (`idw.sources` whose foreign server
 * exists) with the relations of its schema `<source>` — the views over `raw_<source>` and any foreign table
 * or table placed there — and their columns (`format_type` names, nullability) and estimated rows. Two
 * queries whatever the number of tables. A hub with no source applied yet answers `{ sources: [] }`.
 * @throws EngineError `HUB_QUERY_FAILED` when the hub cannot be read.
 */
export async function readCatalog(pool: Pool): Promise<Catalog> {
  try {
    const sources = await pool
      .query<SourceRow>(
        `SELECT s.name, s.fdw, s.server, s.location
           FROM idw.sources s JOIN pg_foreign_server fs ON fs.srvname = s.server
          ORDER BY s.name`,
      )
      .then((r) => r.rows)
    if (sources.length === 0) return { sources: [] }
    const { rows } = await pool.query<ColumnRow>(RELATIONS_SQL, [sources.map((s) => s.name)])
    const tables = groupTables(rows)
    return {
      sources: sources.map((s): CatalogSource => ({ ...s, schema: s.name, tables: tables.get(s.name) ?? [] })),
    }
  } catch (err) {
    if ((err as { code?: string }).code === '42P01') return { sources: [] }
    const sqlstate = (err as { code?: string }).code
    throw new EngineError(
      'HUB_QUERY_FAILED',
      `could not read the catalog: ${(err as Error).message}`,
      sqlstate ? { sqlstate } : undefined,
      { cause: err },
    )
  }
}
