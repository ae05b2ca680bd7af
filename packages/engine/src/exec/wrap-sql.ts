import type { ColumnCodec } from './type-map.js'
import { quoteIdentifier } from './sql-text.js'

/** A statement built around the user's SQL, and where the user's SQL starts in it (characters). */
export interface WrappedSql {
  readonly text: string
  /** Characters before the user's SQL; subtracted from PostgreSQL's error positions. */
  readonly prefixLength: number
}

const DESCRIBE_PREFIX = 'SELECT * FROM ('

/**
 * The describe statement: `SELECT * FROM (<sql>\n) AS q LIMIT 0`. The newline ends a trailing `--` comment of the
 * user's SQL. The hub plans it and returns the row description without producing a row.
 */
export function wrapDescribe(sql: string): WrappedSql {
  return { text: `${DESCRIBE_PREFIX}${sql}\n) AS q LIMIT 0`, prefixLength: DESCRIBE_PREFIX.length }
}

/**
 * The projection both streaming paths run: columns renamed positionally (`q("c1","c2",…)`), so duplicate or empty
 * names do not matter, and cast to text where the binary decoder has no native reader:
 * `SELECT q."c1", q."c2"::text FROM (<sql>\n) AS q("c1","c2") LIMIT n`. `rowLimit` (rows, null = none) lets the
 * hub stop by itself after the row cap plus one.
 */
export function wrapSelect(sql: string, codecs: readonly ColumnCodec[], rowLimit: number | null): WrappedSql {
  const names = codecs.map((_, i) => quoteIdentifier(`c${i + 1}`))
  const projection = codecs.map((codec, i) => `q.${names[i]}${codec.cast === null ? '' : `::${codec.cast}`}`)
  const prefix = `SELECT ${projection.join(', ')} FROM (`
  const aliases = names.length === 0 ? '' : `(${names.join(',')})`
  const limit = rowLimit === null ? '' : ` LIMIT ${rowLimit}`
  return { text: `${prefix}${sql}\n) AS q${aliases}${limit}`, prefixLength: prefix.length }
}

/** The COPY statement streaming `wrapSelect`'s projection in binary: `COPY (<projection>) TO STDOUT (FORMAT binary)`. */
export function wrapCopy(sql: string, codecs: readonly ColumnCodec[], rowLimit: number | null): WrappedSql {
  const select = wrapSelect(sql, codecs, rowLimit)
  const prefix = 'COPY ('
  return {
    text: `${prefix}${select.text}) TO STDOUT (FORMAT binary)`,
    prefixLength: prefix.length + select.prefixLength,
  }
}
