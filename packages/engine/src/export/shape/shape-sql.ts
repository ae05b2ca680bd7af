import { Buffer } from 'node:buffer'
import { EngineError } from '../../api/contract/errors.js'
import { normalizeCastType } from './cast-type.js'

/** Renames and casts of result columns, keyed by the result's column names. */
export interface ColumnShape {
  rename: Readonly<Record<string, string>>
  cast: Readonly<Record<string, string>>
}

/** PostgreSQL truncates longer identifiers (NAMEDATALEN - 1 bytes). */
const MAX_NAME_BYTES = 63

/** True when the shape renames or casts anything. */
export function hasShape(shape: ColumnShape): boolean {
  return Object.keys(shape.rename).length > 0 || Object.keys(shape.cast).length > 0
}

/**
 * Wraps a statement so the hub renames and casts its columns, keeping every column in place:
 * `SELECT q."c1" AS "x", CAST(q."c2" AS float8) AS "b", … FROM (<statement>\n) AS q("c1","c2",…)`. Columns are
 * addressed by position (`q("c1",…)`), so duplicate or odd result names do not matter; every name is quoted.
 * `statement` is one statement without a trailing `;`; `columns` are its result's names, in order.
 * @throws EngineError `BAD_INPUT` when a renamed or cast column is not in the result (or is there twice), a new
 *   name is longer than 63 bytes, two output columns would share a name, or a cast type is refused
 *   (`normalizeCastType`).
 */
export function shapeSql(statement: string, columns: readonly string[], shape: ColumnShape): string {
  const renames = indexByColumn(columns, shape.rename, 'rename')
  const casts = indexByColumn(columns, shape.cast, 'cast')
  const outputNames = columns.map((name, i) => renames.get(i) ?? name)
  for (const name of renames.values()) {
    if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) {
      throw new EngineError('BAD_INPUT', `the new column name "${name}" is longer than ${MAX_NAME_BYTES} bytes`)
    }
  }
  const duplicate = outputNames.find((name, i) => outputNames.indexOf(name) !== i)
  if (duplicate !== undefined && renames.size > 0) {
    throw new EngineError('BAD_INPUT', `after the renames two columns would be named "${duplicate}"`)
  }
  const positional = columns.map((_, i) => quoteName(`c${i + 1}`))
  const projection = columns.map((_, i) => {
    const cast = casts.get(i)
    const value = cast === undefined ? `q.${positional[i]}` : `CAST(q.${positional[i]} AS ${normalizeCastType(cast)})`
    return `${value} AS ${quoteName(outputNames[i] as string)}`
  })
  return `SELECT ${projection.join(', ')} FROM (${statement}\n) AS q(${positional.join(',')})`
}

/** A quoted SQL identifier: `"` around, inner `"` doubled. */
export function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/** The entries of `map` by column position. @throws EngineError `BAD_INPUT` for a key naming no column or two. */
function indexByColumn(
  columns: readonly string[],
  map: Readonly<Record<string, string>>,
  role: string,
): Map<number, string> {
  const byIndex = new Map<number, string>()
  for (const [column, value] of Object.entries(map)) {
    const matches = columns.flatMap((name, i) => (name === column ? [i] : []))
    if (matches.length !== 1) {
      const problem = matches.length === 0 ? 'is not a column of the result' : 'names several columns of the result'
      const names = columns.map((name) => JSON.stringify(name)).join(', ')
      throw new EngineError('BAD_INPUT', `cannot ${role} "${column}": it ${problem}; the columns are ${names}`, {
        column,
      })
    }
    byIndex.set(matches[0] as number, value)
  }
  return byIndex
}
