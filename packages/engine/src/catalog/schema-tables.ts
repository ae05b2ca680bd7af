import type { Pool, PoolClient } from 'pg'

/** A foreign table (or view) of one schema with its columns as the hub sees them. */
export interface SchemaTable {
  name: string
  columns: Array<{ name: string; type: string; nullable: boolean }>
}

/**
 * The foreign tables of `schema` (views too with `includeViews`), each with its columns in order (`format_type`
 * names, nullability), sorted by name. One query. An absent schema answers no table.
 */
export async function readSchemaTables(
  db: Pool | PoolClient,
  schema: string,
  includeViews = false,
): Promise<SchemaTable[]> {
  const { rows } = await db.query<{
    table: string
    column: string | null
    type: string | null
    nullable: boolean | null
  }>(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
            NOT a.attnotnull AS nullable
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = $1 AND c.relkind = ANY($2::"char"[])
      ORDER BY c.relname, a.attnum`,
    [schema, includeViews ? ['f', 'v'] : ['f']],
  )
  const tables: SchemaTable[] = []
  for (const row of rows) {
    let table = tables.at(-1)
    if (table?.name !== row.table) {
      table = { name: row.table, columns: [] }
      tables.push(table)
    }
    if (row.column !== null)
      table.columns.push({ name: row.column, type: row.type ?? 'unknown', nullable: row.nullable ?? true })
  }
  return tables
}
