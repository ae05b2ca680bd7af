import type { CatalogColumn, CatalogTable } from '../api/contract/catalog.js'
import { classifyColumnType, type ColumnType } from './column-types.js'

/** A catalog column with its classified type. */
export interface ResolvedColumn {
  readonly column: CatalogColumn
  readonly type: ColumnType
}

const LISTED_COLUMNS = 30

/** The columns of one catalog table by exact name, with messages for names that are not there. */
export class TableColumns {
  readonly #byName: ReadonlyMap<string, ResolvedColumn>

  constructor(readonly table: CatalogTable) {
    this.#byName = new Map(table.columns.map((c) => [c.name, { column: c, type: classifyColumnType(c.type) }]))
  }

  /** The column named exactly `name` (names are case-sensitive, as in the catalog). */
  find(name: string): ResolvedColumn | undefined {
    return this.#byName.get(name)
  }

  /** `unknown column "dely" in "flights"."flights" (did you mean "delay"?); columns: date, delay, …`. */
  describeUnknown(name: string): string {
    const names = this.table.columns.map((c) => c.name)
    const suggestion = closestName(name, names)
    const hint = suggestion === undefined ? '' : ` (did you mean ${JSON.stringify(suggestion)}?)`
    const listed = names.slice(0, LISTED_COLUMNS).join(', ')
    const more = names.length > LISTED_COLUMNS ? `, … (${names.length} in all)` : ''
    const where = `${JSON.stringify(this.table.schema)}.${JSON.stringify(this.table.name)}`
    return `unknown column ${JSON.stringify(name)} in ${where}${hint}; columns: ${listed}${more}`
  }
}

/** The name equal ignoring case, else the closest within 2 edits (1 under 6 characters, none under 3). */
function closestName(name: string, names: readonly string[]): string | undefined {
  const lower = name.toLowerCase()
  const sameCase = names.find((n) => n.toLowerCase() === lower)
  if (sameCase !== undefined) return sameCase
  const allowed = Math.min(2, Math.floor(name.length / 3))
  let best: { name: string; distance: number } | undefined
  for (const candidate of names) {
    const distance = editDistance(lower, candidate.toLowerCase())
    if (distance <= allowed && (best === undefined || distance < best.distance)) best = { name: candidate, distance }
  }
  return best?.name
}

/** Levenshtein distance between two strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution))
    }
    previous = current
  }
  return previous[b.length] ?? 0
}
