import type { RemoteTablesOutput } from '@idw/engine/api'

/** A table of the picker (`sources/remote-tables`). */
export type RemoteTable = RemoteTablesOutput['tables'][number]

/** Tables whose name or a column name contains `filter` (case-insensitive); all of them for an empty filter. */
export function filterRemoteTables(tables: readonly RemoteTable[], filter: string): RemoteTable[] {
  const needle = filter.trim().toLowerCase()
  if (needle === '') return [...tables]
  return tables.filter(
    (t) => t.name.toLowerCase().includes(needle) || t.columns.some((c) => c.name.toLowerCase().includes(needle)),
  )
}

/** The tables the picker starts with: those a URI named (`tables=`) that exist, else every table. */
export function initialSelection(tables: readonly RemoteTable[], named: readonly string[] | null): string[] {
  const names = tables.map((t) => t.name)
  if (named === null) return names
  const picked = names.filter((n) => named.includes(n))
  return picked.length > 0 ? picked : names
}

/**
 * The `limitTo` of the draft to add: null when every table is picked (the whole schema is imported, so a later
 * refresh also brings tables created on the remote since), else the picked names in the remote's order.
 */
export function limitToOf(tables: readonly RemoteTable[], selected: readonly string[]): string[] | null {
  const picked = tables.filter((t) => selected.includes(t.name)).map((t) => t.name)
  return picked.length === tables.length ? null : picked
}

/** `selected` with `names` added (`on`) or taken out, in the remote's order. */
export function withSelection(
  tables: readonly RemoteTable[],
  selected: readonly string[],
  names: readonly string[],
  on: boolean,
): string[] {
  const next = new Set(selected)
  for (const name of names) {
    if (on) next.add(name)
    else next.delete(name)
  }
  return tables.map((t) => t.name).filter((n) => next.has(n))
}

/** A table's tooltip: its columns with their hub types, one per line. */
export function columnsTitle(table: RemoteTable): string {
  return table.columns.map((c) => `${c.name}  ${c.type}${c.nullable ? '' : ' not null'}`).join('\n')
}
