import { DataType, DateUnit, TimeUnit } from 'apache-arrow'
import { keyShape } from './column-keys.utils'
import type { CompiledFilter, LocalFilter } from './local-view.types'

/** Nanoseconds per unit of Arrow's `TimeUnit` (SECOND, MILLISECOND, MICROSECOND, NANOSECOND). */
const NANOS_PER_UNIT = [1_000_000_000n, 1_000_000n, 1_000n, 1n] as const
const NANOS_PER_DAY = 86_400_000_000_000n

/** An exact integer parsed from text, rounded down (toward −∞) when the text had more precision. */
export interface FlooredInteger {
  value: bigint
  exact: boolean
}

/**
 * `text` (`-12.345`) as an integer count of `10^-scale` units, rounded down: `parseScaled('12.345', 2)` →
 * `{ value: 1234n, exact: false }`. Null when the text is not a plain decimal number.
 */
export function parseScaled(text: string, scale: number): FlooredInteger | null {
  const match = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(text)
  if (match === null || (match[2] === '' && (match[3] ?? '') === '')) return null
  const negative = match[1] === '-'
  const fraction = match[3] ?? ''
  const kept = fraction.slice(0, Math.max(0, scale)).padEnd(Math.max(0, scale), '0')
  const dropped = fraction.slice(Math.max(0, scale))
  const digits = `${match[2] === '' ? '0' : match[2]}${kept}`
  let magnitude = BigInt(digits)
  if (scale < 0) magnitude /= 10n ** BigInt(-scale)
  const exact = !/[1-9]/.test(dropped) && (scale >= 0 || BigInt(digits) % 10n ** BigInt(-scale) === 0n)
  return { value: negative ? (exact ? -magnitude : -magnitude - 1n) : magnitude, exact }
}

/** Days from 1970-01-01 to the proleptic Gregorian date (Howard Hinnant's `days_from_civil`). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

/**
 * Nanoseconds since the epoch of `YYYY-MM-DD[ HH:MM[:SS[.fraction]]][Z|±HH[:MM]]` (a `T` may separate date
 * and time). Without an offset the text is read as UTC, the wall time the grid shows for timestamps without
 * zone. Null when the text is not such a timestamp.
 */
export function parseTimestampNanos(text: string): bigint | null {
  const match =
    /^\s*(-?\d{1,6})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?\s*$/i.exec(
      text,
    )
  if (match === null) return null
  const days = daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3]))
  const seconds = Number(match[4] ?? 0) * 3600 + Number(match[5] ?? 0) * 60 + Number(match[6] ?? 0)
  const fraction = BigInt((match[7] ?? '').padEnd(9, '0') || '0')
  const zone = match[8] ?? 'Z'
  const sign = zone.startsWith('-') ? -1 : 1
  const offsetMinutes =
    zone.toUpperCase() === 'Z'
      ? 0
      : sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.length > 3 ? zone.slice(-2) : 0))
  return BigInt(days) * NANOS_PER_DAY + BigInt(seconds - offsetMinutes * 60) * 1_000_000_000n + fraction
}

/** Nanoseconds since midnight of `HH:MM[:SS[.fraction]]`; null when the text is not a time of day. */
function parseTimeNanos(text: string): bigint | null {
  const match = /^\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*$/.exec(text)
  if (match === null) return null
  const seconds = Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3] ?? 0)
  return BigInt(seconds) * 1_000_000_000n + BigInt((match[4] ?? '').padEnd(9, '0') || '0')
}

/** `value` as `stride` little-endian 32-bit two's complement words. */
function bigintWords(value: bigint, stride: number): Uint32Array {
  const words = new Uint32Array(stride)
  let rest = BigInt.asUintN(stride * 32, value)
  for (let i = 0; i < stride; i++) {
    words[i] = Number(rest & 0xffff_ffffn)
    rest >>= 32n
  }
  return words
}

function floorDiv(value: bigint, divisor: bigint): FlooredInteger {
  const quotient = value / divisor
  const exact = value % divisor === 0n
  return { value: !exact && value < 0n ? quotient - 1n : quotient, exact }
}

/** The exact integer a `words` column compares `text` with: a decimal's unscaled value, a time in its unit. */
function parseWordsValue(text: string, type: DataType): FlooredInteger | null {
  if (DataType.isDecimal(type)) return parseScaled(text, type.scale)
  if (DataType.isInt(type) || DataType.isDuration(type)) return parseScaled(text, 0)
  if (DataType.isTimestamp(type)) {
    const nanos = parseTimestampNanos(text)
    return nanos === null ? null : floorDiv(nanos, NANOS_PER_UNIT[type.unit])
  }
  if (DataType.isDate(type)) {
    const nanos = parseTimestampNanos(text)
    return nanos === null ? null : floorDiv(nanos, NANOS_PER_UNIT[TimeUnit.MILLISECOND])
  }
  if (DataType.isTime(type)) {
    const nanos = parseTimeNanos(text)
    return nanos === null ? null : floorDiv(nanos, NANOS_PER_UNIT[type.unit])
  }
  return null
}

/** The number a `number` column compares `text` with; null when `text` does not fit the type. */
function parseNumberValue(text: string, type: DataType): number | null {
  const trimmed = text.trim()
  if (DataType.isBool(type)) {
    if (/^(true|t|yes|y|on|1)$/i.test(trimmed)) return 1
    return /^(false|f|no|n|off|0)$/i.test(trimmed) ? 0 : null
  }
  if (DataType.isDate(type) && type.unit === DateUnit.DAY) {
    const nanos = parseTimestampNanos(trimmed)
    return nanos === null ? null : Number(nanos) / Number(NANOS_PER_DAY)
  }
  if (DataType.isTime(type)) {
    const nanos = parseTimeNanos(trimmed)
    return nanos === null ? null : Number(nanos / NANOS_PER_UNIT[type.unit])
  }
  if (trimmed === '') return null
  const value = Number(trimmed)
  return Number.isNaN(value) && trimmed !== 'NaN' ? null : value
}

/** Hex `\x0aff` as bytes; else the text's UTF-8 bytes. */
function parseBytes(text: string, utf8: boolean): Uint8Array {
  const hex = /^\\x((?:[0-9a-f]{2})*)$/i.exec(text.trim())
  if (!utf8 && hex !== null) return Uint8Array.from((hex[1] ?? '').match(/../g) ?? [], (pair) => parseInt(pair, 16))
  return new TextEncoder().encode(text)
}

/**
 * A local filter compiled for the worker against a column of `type`: the typed text becomes a constant in
 * the column's key form. A constant more precise than the column (`> 1.005` on `numeric(8,2)`) is rounded down
 * and the operator adjusted so the answer stays exact (`=` then matches nothing). Answers `{ error }` with a
 * sentence for the user when the value does not fit the column or the operator does not apply.
 */
export function compileFilter(filter: LocalFilter, type: DataType): CompiledFilter | { error: string } {
  const base = { column: filter.column, op: 'eq' as const, constant: null }
  if (filter.op === 'is_null') return { ...base, test: 'null' }
  if (filter.op === 'is_not_null') return { ...base, test: 'not_null' }
  const shape = keyShape(type)
  if (shape === null) return { error: 'this column type cannot be filtered locally' }
  if (filter.op === 'contains' || filter.op === 'not_contains') {
    if (shape.kind !== 'bytes' || !shape.utf8) return { error: '"contains" applies to text columns' }
    return { ...base, test: filter.op, constant: filter.value.toLowerCase() }
  }
  const op = filter.op
  if (shape.kind === 'bytes') return { ...base, test: 'compare', op, constant: parseBytes(filter.value, shape.utf8) }
  if (shape.kind === 'number') {
    const value = parseNumberValue(filter.value, type)
    return value === null
      ? { error: `"${filter.value}" is not a ${String(type)} value` }
      : { ...base, test: 'compare', op, constant: value }
  }
  const parsed = parseWordsValue(filter.value, type)
  if (parsed === null) return { error: `"${filter.value}" is not a ${String(type)} value` }
  const constant = bigintWords(parsed.value, shape.stride)
  if (parsed.exact) return { ...base, test: 'compare', op, constant }
  if (op === 'eq') return { ...base, test: 'none' }
  if (op === 'ne') return { ...base, test: 'not_null' }
  return { ...base, test: 'compare', op: op === 'ge' ? 'gt' : op === 'lt' ? 'le' : op, constant }
}
