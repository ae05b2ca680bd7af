import { EngineError } from '../api/contract/errors.js'

/** A bind parameter as it goes on the wire: PostgreSQL text input, raw bytes (sent in binary format), or SQL null. */
export type WireParameter = string | Buffer | null

/**
 * Turns one JS value into the text PostgreSQL reads for a bind parameter whose type the hub infers from the
 * statement (`$1` compared with an `integer` column is read as integer). Every execution path (describe, the
 * binary portal, EXPLAIN, `query/build`'s `inlineSql`) sends what this returns, so they all see the same value.
 *
 * | JS | text |
 * |---|---|
 * | null, undefined | SQL null |
 * | string | itself |
 * | number | `String(n)`; `NaN`, `Infinity`, `-Infinity` as PostgreSQL spells them (float and numeric read them) |
 * | bigint | decimal digits |
 * | boolean | `true` / `false` |
 * | Date | ISO 8601 in UTC (`2024-02-29T12:00:00.000Z`) |
 * | Uint8Array / Buffer | the bytes, sent in binary format (bytea) |
 * | array | an array literal `{"a","b",NULL,{"c"}}`: elements quoted, `"` and `\` escaped, nested arrays kept |
 * | plain object | its JSON text (for json/jsonb parameters) |
 *
 * Differs from node-postgres' `prepareValue` only for Dates (pg writes local time with an offset: same instant).
 * @throws EngineError `BAD_INPUT` for an invalid Date, a function, a symbol or a circular object.
 */
export function encodeParameter(value: unknown): WireParameter {
  if (value === null || value === undefined) return null
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength)
  if (Array.isArray(value)) return arrayLiteral(value)
  return scalarText(value)
}

/** `encodeParameter` over a list, in order. */
export function encodeParameters(values: readonly unknown[]): WireParameter[] {
  return values.map(encodeParameter)
}

function scalarText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value
    case 'number':
      return Number.isNaN(value) ? 'NaN' : String(value)
    case 'bigint':
      return value.toString()
    case 'boolean':
      return value ? 'true' : 'false'
    case 'object':
      return objectText(value as object)
    default:
      throw new EngineError('BAD_INPUT', `a ${typeof value} cannot be sent as a query parameter`)
  }
}

function objectText(value: object): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new EngineError('BAD_INPUT', 'an invalid Date cannot be a query parameter')
    return value.toISOString()
  }
  try {
    return JSON.stringify(value)
  } catch (err) {
    throw new EngineError('BAD_INPUT', 'an object parameter must be JSON-serializable', undefined, { cause: err })
  }
}

/** `{…}` array literal (https://www.postgresql.org/docs/current/arrays.html#ARRAYS-IO). */
function arrayLiteral(values: readonly unknown[]): string {
  const items = values.map((item): string => {
    if (item === null || item === undefined) return 'NULL'
    if (Array.isArray(item)) return arrayLiteral(item)
    const text = item instanceof Uint8Array ? `\\x${Buffer.from(item).toString('hex')}` : scalarText(item)
    return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`
  })
  return `{${items.join(',')}}`
}
