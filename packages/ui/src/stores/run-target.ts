import type { SelectSpec, TableRef } from '@idw/engine/api'
import { statementToRunAt } from '../components/editor/statement-at-cursor.utils'
import type { WorkbenchState } from './store-types'

/** What a run or an EXPLAIN is about: a SQL statement, or a filter-built select on one table. */
export type RunTarget = { kind: 'sql'; sql: string } | { kind: 'table'; table: TableRef; select: SelectSpec }

/**
 * What Run and Explain take now: the filter builder's select when its tab is shown, else the editor's selection
 * or the statement at its cursor; null when there is nothing to run.
 */
export function currentRunTarget(state: Pick<WorkbenchState, 'editor' | 'filter'>): RunTarget | null {
  const { filter, editor } = state
  if (filter.shown && filter.table !== null) {
    return { kind: 'table', table: filter.table, select: filter.select }
  }
  const sql = statementToRunAt(editor.sql, editor.selection, editor.cursorOffset)
  return sql === '' ? null : { kind: 'sql', sql }
}

/** A short name of a target for titles and dialogs: the statement's first line, or `schema.table (filter)`. */
export function describeRunTarget(target: RunTarget): string {
  if (target.kind === 'table') return `${target.table.schema}.${target.table.name} (filter)`
  const line = target.sql.replace(/\s+/g, ' ').trim()
  return line.length > 80 ? `${line.slice(0, 79)}…` : line
}
