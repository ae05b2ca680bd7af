import { locatePosition } from '../../sql/sql-text.utils'

/** One labelled fact of an error's detail. */
export interface ErrorFact {
  label: string
  value: string
}

/** Where a PostgreSQL error points in the statement. */
export interface ErrorPointer {
  line: number
  column: number
  lineText: string
}

const LABELS: Record<string, string> = {
  sqlstate: 'SQLSTATE',
  code: 'SQLSTATE',
  position: 'Position',
  hint: 'Hint',
  detail: 'Detail',
  where: 'Where',
  schema: 'Schema',
  table: 'Table',
  column: 'Column',
  constraint: 'Constraint',
  reason: 'Reason',
  source: 'Source',
}
const ORDER = Object.keys(LABELS)

/**
 * The facts of an engine error's `detail` in reading order (SQLSTATE, position, hint, detail, then the rest),
 * and, when `detail.position` is a 1-based character position in `sql`, the line and column it points at.
 * Values that are not text, numbers or booleans are shown as JSON.
 */
export function describeErrorDetail(
  detail: Record<string, unknown> | undefined,
  sql: string,
): { facts: ErrorFact[]; pointer: ErrorPointer | null } {
  if (detail === undefined) return { facts: [], pointer: null }
  const keys = Object.keys(detail).sort((a, b) => rank(a) - rank(b))
  const facts: ErrorFact[] = []
  let pointer: ErrorPointer | null = null
  for (const key of keys) {
    const value = detail[key]
    if (value === null || value === undefined || value === '') continue
    const position = key === 'position' ? Number(value) : Number.NaN
    if (Number.isInteger(position) && position > 0 && sql !== '') {
      pointer = locatePosition(sql, position)
      facts.push({ label: 'Position', value: `line ${pointer.line}, column ${pointer.column} (character ${position})` })
      continue
    }
    facts.push({ label: LABELS[key] ?? key, value: typeof value === 'object' ? JSON.stringify(value) : String(value) })
  }
  return { facts, pointer }
}

function rank(key: string): number {
  const index = ORDER.indexOf(key)
  return index === -1 ? ORDER.length : index
}
