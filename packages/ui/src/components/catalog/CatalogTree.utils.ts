import type { CatalogColumn, CatalogSource, CatalogTable } from '@idw/engine/api'

/** A table as the tree shows it under the current filter. */
export interface VisibleTable {
  table: CatalogTable
  /** Columns shown when the table is open (only the matching ones when a column matched the filter). */
  columns: CatalogColumn[]
  /** True when the filter matched one of its columns: the table is shown open. */
  openedByFilter: boolean
}

/** A source as the tree shows it under the current filter. */
export interface VisibleSource {
  source: CatalogSource
  tables: VisibleTable[]
}

/** Tree key of a source node. */
export function sourceKey(name: string): string {
  return `source:${name}`
}

/** Tree key of a table node. */
export function tableKey(schema: string, name: string): string {
  return `table:${schema}.${name}`
}

/**
 * The part of the catalog matching `filter` (case-insensitive substring): a matching source shows all its
 * tables; a matching table (name or `schema.name`) shows all its columns; a matching column shows its table,
 * opened, with the matching columns only. A blank filter shows everything.
 */
export function filterCatalog(sources: readonly CatalogSource[], filter: string): VisibleSource[] {
  const needle = filter.trim().toLowerCase()
  const all = (table: CatalogTable): VisibleTable => ({ table, columns: table.columns, openedByFilter: false })
  if (needle === '') return sources.map((source) => ({ source, tables: source.tables.map(all) }))
  const matches = (text: string): boolean => text.toLowerCase().includes(needle)
  const visible: VisibleSource[] = []
  for (const source of sources) {
    if (matches(source.name) || matches(source.fdw)) {
      visible.push({ source, tables: source.tables.map(all) })
      continue
    }
    const tables: VisibleTable[] = []
    for (const table of source.tables) {
      if (matches(table.name) || matches(`${table.schema}.${table.name}`)) {
        tables.push(all(table))
        continue
      }
      const columns = table.columns.filter((column) => matches(column.name))
      if (columns.length > 0) tables.push({ table, columns, openedByFilter: true })
    }
    if (tables.length > 0) visible.push({ source, tables })
  }
  return visible
}

/**
 * Whether a node is shown open: the user's last toggle wins; else sources start open and tables closed, and a
 * table whose columns matched the filter opens.
 */
export function isNodeOpen(expanded: Readonly<Record<string, boolean>>, key: string, openByDefault: boolean): boolean {
  return expanded[key] ?? openByDefault
}
