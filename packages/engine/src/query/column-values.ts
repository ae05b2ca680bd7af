import type { ColumnType } from './column-types.js'

const DATE = String.raw`(\d{4})-(\d{2})-(\d{2})`
const TIME = String.raw`(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,6})?)?`
const OFFSET = String.raw`(?:[Zz]|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)`
const INTEGER_TEXT = /^[+-]?\d+$/
const DECIMAL_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/
const TIMESTAMP_TEXT = new RegExp(`^${DATE}(?:[Tt ]${TIME})?$`)
const TIMESTAMPTZ_TEXT = new RegExp(`^${DATE}(?:[Tt ]${TIME}${OFFSET}?)?$`)
const TIME_TEXT = new RegExp(`^${TIME}$`)
const TIMETZ_TEXT = new RegExp(`^${TIME}${OFFSET}?$`)
const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const INFINITY_TEXT = /^[+-]?infinity$/i

/**
 * What a column of this type accepts as a filter value, for error messages: written for a person filling in
 * a filter (`an integer from -2147483648 to 2147483647, as a JSON number or a string of digits`).
 */
export function describeAccepted(type: ColumnType): string {
  switch (type.family) {
    case 'integer': {
      const [min, max] = type.range ?? [0n, 0n]
      return `an integer from ${min} to ${max}, as a JSON number or a string of digits`
    }
    case 'numeric':
      return 'a number, as a JSON number or a decimal string such as "12.50" (or "NaN")'
    case 'float':
      return 'a number, as a JSON number or a decimal string (or "NaN", "Infinity", "-Infinity")'
    case 'text':
      return 'a string'
    case 'boolean':
      return 'true or false'
    case 'date':
      return 'a date "YYYY-MM-DD" (or "infinity", "-infinity")'
    case 'timestamp':
      return 'a date-time "YYYY-MM-DD HH:MM[:SS[.ffffff]]" or a date "YYYY-MM-DD", without a time zone offset'
    case 'timestamptz':
      return (
        'a date-time "YYYY-MM-DDTHH:MM[:SS[.ffffff]]" with an optional offset "Z" or "+HH[:MM]" ' +
        '(without one, the hub session\'s time zone applies) or a date "YYYY-MM-DD"'
      )
    case 'time':
      return 'a time "HH:MM[:SS[.ffffff]]"'
    case 'timetz':
      return 'a time "HH:MM[:SS[.ffffff]]" with an optional offset "Z" or "+HH[:MM]"'
    case 'interval':
      return 'an interval string such as "1 day 02:00:00" or "P1DT2H"'
    case 'uuid':
      return 'a UUID such as "123e4567-e89b-12d3-a456-426614174000"'
    case 'json':
    case 'bytea':
    case 'array':
      return 'no value: only is_null, is_not_null and $exists apply'
    case 'other':
      return "a string, number or boolean in the type's text form"
  }
}

/**
 * Checks one non-null filter value against a column type. Returns what is wrong (`"abc" is not an integer`),
 * or undefined when PostgreSQL will read the value as that type. Values are never converted: a numeric string
 * stays a string so `numeric` and `int8` keep every digit.
 */
export function findValueProblem(type: ColumnType, value: unknown): string | undefined {
  if (typeof value === 'string' && value.includes('\u0000')) {
    return `${describeValue(value)} holds a NUL character, which PostgreSQL text cannot hold`
  }
  switch (type.family) {
    case 'integer':
      return findIntegerProblem(type, value)
    case 'numeric':
      return isNumber(value) || value === 'NaN' ? undefined : `${describeValue(value)} is not a number`
    case 'float':
      return isNumber(value) || (typeof value === 'string' && /^[+-]?(infinity|nan)$/i.test(value))
        ? undefined
        : `${describeValue(value)} is not a number`
    case 'text':
      return typeof value === 'string' ? undefined : `${describeValue(value)} is not a string`
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${describeValue(value)} is not a JSON boolean`
    case 'date':
      return matchesDate(value, new RegExp(`^${DATE}$`)) ? undefined : `${describeValue(value)} is not a date`
    case 'timestamp':
      if (matchesDate(value, TIMESTAMP_TEXT)) return undefined
      return matchesDate(value, TIMESTAMPTZ_TEXT)
        ? `${describeValue(value)} has a time zone offset, which PostgreSQL ignores for a timestamp without time zone`
        : `${describeValue(value)} is not a date-time`
    case 'timestamptz':
      return matchesDate(value, TIMESTAMPTZ_TEXT) ? undefined : `${describeValue(value)} is not a date-time`
    case 'time':
      return matches(value, TIME_TEXT) ? undefined : `${describeValue(value)} is not a time`
    case 'timetz':
      return matches(value, TIMETZ_TEXT) ? undefined : `${describeValue(value)} is not a time`
    case 'interval':
      return typeof value === 'string' && value.trim() !== '' ? undefined : `${describeValue(value)} is not an interval`
    case 'uuid':
      return matches(value, UUID_TEXT) ? undefined : `${describeValue(value)} is not a UUID`
    case 'json':
    case 'bytea':
    case 'array':
      return `${describeValue(value)} cannot be compared with this column`
    case 'other':
      return typeof value === 'string' || typeof value === 'boolean' || Number.isFinite(value)
        ? undefined
        : `${describeValue(value)} is not a string, number or boolean`
  }
}

/** A value as it appears in a message: JSON text cut at 40 characters, or its kind for objects and arrays. */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : `an array of ${value.length}`
  if (value instanceof Date) return 'a Date object'
  if (typeof value === 'object' && value !== null) return 'an object'
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value)
  if (value === undefined) return 'undefined'
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 40 ? `${text.slice(0, 39)}…` : text
}

function findIntegerProblem(type: ColumnType, value: unknown): string | undefined {
  let digits: bigint
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return `${describeValue(value)} is not an integer`
    if (!Number.isSafeInteger(value)) {
      return `${describeValue(value)} is beyond the integers a JSON number holds exactly; send it as a string`
    }
    digits = BigInt(value)
  } else if (typeof value === 'string' && INTEGER_TEXT.test(value)) {
    digits = BigInt(value)
  } else {
    return `${describeValue(value)} is not an integer`
  }
  const [min, max] = type.range ?? [digits, digits]
  return digits < min || digits > max ? `${describeValue(value)} is out of range` : undefined
}

function isNumber(value: unknown): boolean {
  return typeof value === 'number' ? Number.isFinite(value) : typeof value === 'string' && DECIMAL_TEXT.test(value)
}

function matches(value: unknown, pattern: RegExp): boolean {
  return typeof value === 'string' && pattern.test(value)
}

/** Matches `pattern` (whose first three groups are year, month, day) and checks the day exists. */
function matchesDate(value: unknown, pattern: RegExp): boolean {
  if (typeof value !== 'string') return false
  if (INFINITY_TEXT.test(value)) return true
  const match = pattern.exec(value)
  if (match === null) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  return year >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}
