import type { CatalogSource } from '@idw/engine/api'
import { quoteIdent } from '../../sql/sql-text.utils'

/** One completion the SQL editor offers from the catalog. */
export interface CompletionEntry {
  label: string
  kind: 'schema' | 'table' | 'column'
  /** Shown next to the label: FDW, relation kind or column type and where it comes from. */
  detail: string
  /** Text put into the editor (identifiers quoted when needed). */
  insertText: string
}

/**
 * Completions from the catalog: every source schema, every relation as `schema.table`, and every column name
 * once (its detail names the type and the first relation having it).
 */
export function completionEntries(sources: readonly CatalogSource[]): CompletionEntry[] {
  const entries: CompletionEntry[] = []
  const columns = new Map<string, CompletionEntry>()
  for (const source of sources) {
    entries.push({
      label: source.schema,
      kind: 'schema',
      detail: `${source.name} · ${source.fdw}`,
      insertText: quoteIdent(source.schema),
    })
    for (const table of source.tables) {
      const qualified = `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`
      entries.push({
        label: `${table.schema}.${table.name}`,
        kind: 'table',
        detail: `${table.kind} · ${source.name}`,
        insertText: qualified,
      })
      for (const column of table.columns) {
        if (columns.has(column.name)) continue
        columns.set(column.name, {
          label: column.name,
          kind: 'column',
          detail: `${column.type} · ${table.schema}.${table.name}`,
          insertText: quoteIdent(column.name),
        })
      }
    }
  }
  return [...entries, ...columns.values()]
}
