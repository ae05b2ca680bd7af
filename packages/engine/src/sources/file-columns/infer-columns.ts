import { sqlName, uniqueNames } from '../sql-names.js'

/** Types the inference can choose, from the most to the least specific. */
const TYPES = [
  'boolean',
  'integer',
  'bigint',
  'double precision',
  'date',
  'timestamp',
  'timestamp with time zone',
] as const

const INT32 = 2_147_483_647n
const INT64 = 9_223_372_036_854_775_807n
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$/
const TIMESTAMPTZ = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)$/

function isDate(v: string): boolean {
  const m = DATE.exec(v)
  if (!m) return false
  const month = Number(m[2])
  const day = Number(m[3])
  return month >= 1 && month <= 12 && day >= 1 && day <= 31
}

/** True when PostgreSQL reads `value` (trimmed) as `type`; integers with leading zeros (zip codes) stay text. */
function fits(type: (typeof TYPES)[number], raw: string): boolean {
  const v = raw.trim()
  switch (type) {
    case 'boolean':
      return /^(true|false|t|f)$/i.test(v)
    case 'integer':
    case 'bigint': {
      if (!/^[+-]?(0|[1-9]\d*)$/.test(v)) return false
      const n = BigInt(v)
      const max = type === 'integer' ? INT32 : INT64
      return n <= max && n >= -max - 1n
    }
    case 'double precision':
      return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v) && !/^[+-]?0\d/.test(v)
    case 'date':
      return isDate(v)
    case 'timestamp':
      return TIMESTAMP.test(v) && isDate(v.slice(0, 10))
    case 'timestamp with time zone':
      return TIMESTAMPTZ.test(v) && isDate(v.slice(0, 10))
  }
}

/** The most specific type every non-null value fits; `text` when none (or no value at all). */
export function inferType(values: ReadonlyArray<string | null>): string {
  const present = values.filter((v): v is string => v !== null && v.trim() !== '')
  if (present.length === 0) return 'text'
  return TYPES.find((t) => present.every((v) => fits(t, v))) ?? 'text'
}

/** An inferred column: its SQL name, type, and the header text it came from (null without header). */
export interface InferredColumn {
  name: string
  type: string
  header: string | null
}

/**
 * Infers a file's columns from its first rows: with `header` the first row names them (as lower-case SQL
 * names, made unique), otherwise `column_1`, `column_2`… Each column gets the most specific type all its
 * sampled values fit (boolean, integer, bigint, double precision, date, timestamp, timestamp with time zone,
 * else text). When `header` is undefined it is detected: the first row is a header when it holds no NULL and
 * some typed column becomes text with the first row's value, or when every column is text and its values are distinct.
 * @throws Error when there is no row.
 */
export function inferColumns(
  rows: ReadonlyArray<ReadonlyArray<string | null>>,
  header: boolean | undefined,
): { header: boolean; columns: InferredColumn[] } {
  const first = rows[0]
  if (!first) throw new Error('the file is empty: no row to infer columns from')
  const width = first.length
  const typesOf = (body: ReadonlyArray<ReadonlyArray<string | null>>): string[] =>
    Array.from({ length: width }, (_, i) => inferType(body.map((r) => r[i] ?? null)))
  let hasHeader = header
  if (hasHeader === undefined) {
    const bodyTypes = typesOf(rows.slice(1))
    const typed = bodyTypes.some((t) => t !== 'text')
    const noNull = first.every((v) => v !== null && v.trim() !== '')
    hasHeader = noNull
      ? typed
        ? bodyTypes.some(
            (t, i) =>
              t !== 'text' && inferType([first[i] ?? null, ...rows.slice(1).map((r) => r[i] ?? null)]) === 'text',
          )
        : new Set(first).size === width
      : false
  }
  const body = hasHeader ? rows.slice(1) : rows
  const types = typesOf(body)
  const names = uniqueNames(first.map((v, i) => (hasHeader ? sqlName(v ?? '', `column_${i + 1}`) : `column_${i + 1}`)))
  return {
    header: hasHeader,
    columns: types.map((type, i) => ({
      name: names[i] as string,
      type,
      header: hasHeader ? (first[i] ?? null) : null,
    })),
  }
}
