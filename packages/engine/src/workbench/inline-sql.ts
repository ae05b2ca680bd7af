import type { WireParameter } from '../exec/index.js'

const INTEGER_TYPES = new Set(['smallint', 'integer', 'bigint'])
const INTEGER_TEXT = /^-?\d+$/

/**
 * The statement with every `$n` replaced by parameter n as a literal, for "open as SQL" in the editor, where a
 * person reads and edits it:
 * - an integer-typed value is written bare (`"delay" > 15`, `LIMIT 100`);
 * - any other value is quoted (`'` doubled, for `standard_conforming_strings = on`, PostgreSQL's default) and cast
 *   to the type the hub inferred for the parameter (`'2024-01-01'::date`), so it reads exactly as the bound
 *   parameter did; no cast is added where the SQL already casts the placeholder (`= ANY('{"SEA"}'::text[])`);
 * - bytes become `'\x…'::bytea`, null becomes `NULL`.
 *
 * `values` are the parameters in wire form (`encodeParameters`); `types` the hub's types per parameter
 * (`describeParameterTypes`), possibly empty (then nothing is cast). `$n` inside double-quoted identifiers and
 * single-quoted strings is left alone. Pure.
 */
export function inlineParameters(sql: string, values: readonly WireParameter[], types: readonly string[]): string {
  let out = ''
  let i = 0
  while (i < sql.length) {
    const c = sql[i]!
    if (c === '"' || c === "'") {
      const end = quotedEnd(sql, i, c)
      out += sql.slice(i, end)
      i = end
    } else if (c === '$' && /\d/.test(sql[i + 1] ?? '') && !/[\w$]/.test(sql[i - 1] ?? '')) {
      const digits = /^\d+/.exec(sql.slice(i + 1))![0]
      const n = Number(digits)
      const next = i + 1 + digits.length
      out +=
        n >= 1 && n <= values.length ? literal(values[n - 1]!, types[n - 1], sql.startsWith('::', next)) : `$${digits}`
      i = next
    } else {
      out += c
      i += 1
    }
  }
  return out
}

/** One value as SQL text; `castFollows` = the SQL casts it already. */
function literal(value: WireParameter, type: string | undefined, castFollows: boolean): string {
  const cast = castFollows || type === undefined ? '' : `::${type}`
  if (value === null) return `NULL${cast}`
  if (Buffer.isBuffer(value)) return `'\\x${value.toString('hex')}'${castFollows ? '' : '::bytea'}`
  if (type !== undefined && INTEGER_TYPES.has(type) && INTEGER_TEXT.test(value)) return value
  return `'${value.replaceAll("'", "''")}'${cast}`
}

/** Index after the quoted run opening at `start` (a doubled quote continues it). */
function quotedEnd(sql: string, start: number, quote: string): number {
  let i = start + 1
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] !== quote) return i + 1
      i += 2
    } else {
      i += 1
    }
  }
  return sql.length
}
