import type { SourceChanges } from '../../api/contract/sources.js'
import type { SchemaTable } from '../../catalog/schema-tables.js'

/**
 * What changed between two listings of a source's tables: tables added and removed, and in tables present in
 * both, columns added, removed and retyped (by name). Pure.
 */
export function diffTables(before: readonly SchemaTable[], after: readonly SchemaTable[]): SourceChanges {
  const old = new Map(before.map((t) => [t.name, t]))
  const now = new Map(after.map((t) => [t.name, t]))
  const changes: SourceChanges = {
    unchanged: true,
    tablesAdded: after.filter((t) => !old.has(t.name)).map((t) => t.name),
    tablesRemoved: before.filter((t) => !now.has(t.name)).map((t) => t.name),
    columnsAdded: [],
    columnsRemoved: [],
    columnsRetyped: [],
  }
  for (const table of after) {
    const previous = old.get(table.name)
    if (!previous) continue
    const was = new Map(previous.columns.map((c) => [c.name, c.type]))
    const is = new Map(table.columns.map((c) => [c.name, c.type]))
    for (const c of table.columns) {
      const type = was.get(c.name)
      if (type === undefined) changes.columnsAdded.push({ table: table.name, column: c.name, type: c.type })
      else if (type !== c.type)
        changes.columnsRetyped.push({ table: table.name, column: c.name, from: type, to: c.type })
    }
    for (const c of previous.columns)
      if (!is.has(c.name)) changes.columnsRemoved.push({ table: table.name, column: c.name, type: c.type })
  }
  changes.unchanged =
    changes.tablesAdded.length +
      changes.tablesRemoved.length +
      changes.columnsAdded.length +
      changes.columnsRemoved.length +
      changes.columnsRetyped.length ===
    0
  return changes
}
