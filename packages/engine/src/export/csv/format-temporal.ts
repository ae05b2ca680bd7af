import { DateUnit, TimeUnit, type Data, type Date_, type Time, type Timestamp } from 'apache-arrow'
import { exactInt64At, int64Words, isValid, nullText, validityOf, type TextMode } from './column-data.js'

/** Ticks per second and fraction digits of each Arrow time unit. */
const UNIT: Readonly<Record<TimeUnit, { perSecond: number; digits: number }>> = {
  [TimeUnit.SECOND]: { perSecond: 1, digits: 0 },
  [TimeUnit.MILLISECOND]: { perSecond: 1e3, digits: 3 },
  [TimeUnit.MICROSECOND]: { perSecond: 1e6, digits: 6 },
  [TimeUnit.NANOSECOND]: { perSecond: 1e9, digits: 9 },
}
const MS_PER_DAY = 86_400_000
/** Days from 1970-01-01 to 0001-01-01: earlier dates are years BC. */
const FIRST_AD_DAY = -719_162
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'))

/**
 * Dates as `YYYY-MM-DD` (proleptic Gregorian, like PostgreSQL); years before 1 as PostgreSQL spells them,
 * `0044-03-15 BC`.
 */
export function formatDates(data: Data<Date_>, mode: TextMode): string[] {
  const bitmap = validityOf(data)
  const empty = nullText(mode)
  const out = new Array<string>(data.length)
  const days = data.type.unit === DateUnit.DAY ? (data.values as Int32Array) : null
  const millis = days === null ? int64Words(data.values as unknown as BigInt64Array) : null
  for (let i = 0; i < data.length; i++) {
    if (bitmap !== null && !isValid(bitmap, data.offset + i)) {
      out[i] = empty
      continue
    }
    const day = days !== null ? (days[i] ?? 0) : Math.floor(exactInt64At(millis as Int32Array, i) / MS_PER_DAY)
    const text = day < FIRST_AD_DAY ? dateText(day) + ' BC' : dateText(day)
    out[i] = mode === 'json' ? '"' + text + '"' : text
  }
  return out
}

/**
 * Timestamps as `YYYY-MM-DD HH:MM:SS.ffffff` in UTC, always with the unit's fraction digits (6 for
 * microseconds). A zoned timestamp (timestamptz) gets the offset `+00:00`; a plain one none. Years before 1
 * end with ` BC`.
 */
export function formatTimestamps(data: Data<Timestamp>, mode: TextMode): string[] {
  const { perSecond, digits } = UNIT[data.type.unit]
  const perDay = perSecond * 86_400
  const zone = data.type.timezone ? '+00:00' : ''
  const values = data.values as BigInt64Array
  const words = int64Words(values)
  const bitmap = validityOf(data)
  const empty = nullText(mode)
  const out = new Array<string>(data.length)
  let cachedDay = Number.NaN
  let cachedDate = ''
  for (let i = 0; i < data.length; i++) {
    if (bitmap !== null && !isValid(bitmap, data.offset + i)) {
      out[i] = empty
      continue
    }
    let ticks = exactInt64At(words, i)
    let day: number
    if (Number.isNaN(ticks)) {
      const wide = values[i] ?? 0n
      const perDayWide = BigInt(perDay)
      const quotient = wide / perDayWide - (wide % perDayWide < 0n ? 1n : 0n)
      day = Number(quotient)
      ticks = Number(wide - quotient * perDayWide)
    } else {
      day = Math.floor(ticks / perDay)
      ticks -= day * perDay
    }
    if (day !== cachedDay) {
      cachedDay = day
      cachedDate = dateText(day)
    }
    const text = cachedDate + ' ' + timeText(ticks, perSecond, digits) + zone + (day < FIRST_AD_DAY ? ' BC' : '')
    out[i] = mode === 'json' ? '"' + text + '"' : text
  }
  return out
}

/** Times of day as `HH:MM:SS.ffffff` (the unit's fraction digits). */
export function formatTimes(data: Data<Time>, mode: TextMode): string[] {
  const { perSecond, digits } = UNIT[data.type.unit]
  const narrow = data.type.bitWidth === 32 ? (data.values as Int32Array) : null
  const words = narrow === null ? int64Words(data.values as BigInt64Array) : null
  const bitmap = validityOf(data)
  const empty = nullText(mode)
  const out = new Array<string>(data.length)
  for (let i = 0; i < data.length; i++) {
    if (bitmap !== null && !isValid(bitmap, data.offset + i)) {
      out[i] = empty
      continue
    }
    const ticks = narrow !== null ? (narrow[i] ?? 0) : exactInt64At(words as Int32Array, i)
    const text = timeText(ticks, perSecond, digits)
    out[i] = mode === 'json' ? '"' + text + '"' : text
  }
  return out
}

/** `HH:MM:SS[.fraction]` of `ticks` since midnight. */
function timeText(ticks: number, perSecond: number, digits: number): string {
  const seconds = Math.floor(ticks / perSecond)
  const hours = Math.floor(seconds / 3600)
  const text =
    (hours < 100 ? TWO_DIGITS[hours] : String(hours)) +
    ':' +
    TWO_DIGITS[Math.floor(seconds / 60) % 60] +
    ':' +
    TWO_DIGITS[seconds % 60]
  return digits === 0 ? text : text + '.' + String(ticks - seconds * perSecond).padStart(digits, '0')
}

/**
 * `YYYY-MM-DD` of a day number (days since 1970-01-01), by Howard Hinnant's `civil_from_days`; years before 1
 * are written as their BC year (year 0 = 1 BC).
 */
function dateText(day: number): string {
  const z = day + 719_468
  const era = Math.floor(z / 146_097)
  const dayOfEra = z - era * 146_097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153)
  const dayOfMonth = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  const shown = year > 0 ? year : 1 - year
  return String(shown).padStart(4, '0') + '-' + TWO_DIGITS[month] + '-' + TWO_DIGITS[dayOfMonth]
}
