import { TimeUnit } from 'apache-arrow'

const NANOS_PER_UNIT: Record<TimeUnit, bigint> = {
  [TimeUnit.SECOND]: 1_000_000_000n,
  [TimeUnit.MILLISECOND]: 1_000_000n,
  [TimeUnit.MICROSECOND]: 1_000n,
  [TimeUnit.NANOSECOND]: 1n,
}
const NANOS_PER_SECOND = 1_000_000_000n
const UTC_NAMES = new Set(['UTC', 'Z', 'Etc/UTC', 'GMT', 'Etc/GMT', '+00:00', '+0000'])
const offsetFormatters = new Map<string, Intl.DateTimeFormat | null>()

/**
 * Nanoseconds since the epoch of a timestamp cell: a `bigint` counts `unit`s (raw µs/ns storage), a `number`
 * is the float ms Arrow's getter returns for second and millisecond timestamps.
 */
export function timestampNanos(value: number | bigint, unit: TimeUnit): bigint {
  if (typeof value === 'bigint') return value * NANOS_PER_UNIT[unit]
  const ms = Math.floor(value)
  return BigInt(ms) * 1_000_000n + BigInt(Math.round((value - ms) * 1000)) * 1000n
}

/** Nanoseconds since midnight of a time cell, counted in `unit`s (`number` for s/ms, `bigint` for µs/ns). */
export function timeNanos(value: number | bigint, unit: TimeUnit): bigint {
  return (typeof value === 'bigint' ? value : BigInt(Math.trunc(value))) * NANOS_PER_UNIT[unit]
}

/** A date given as ms since the epoch, printed `YYYY-MM-DD` (UTC), with ` BC` before year 1 like PostgreSQL. */
export function formatDate(ms: number): string {
  const date = new Date(ms)
  return `${formatYear(date.getUTCFullYear())}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}${
    date.getUTCFullYear() <= 0 ? ' BC' : ''
  }`
}

/**
 * A timestamp printed `YYYY-MM-DD HH:MM:SS[.fraction]` (trailing zeros of the fraction dropped, as PostgreSQL
 * does). A timestamp without zone prints its wall time; with a zone (`UTC`, `+02:00`, `Europe/Paris`) it
 * prints the wall time in that zone followed by its offset, e.g. `+02:00`.
 */
export function formatTimestamp(nanos: bigint, timezone: string | null | undefined): string {
  let seconds = floorDiv(nanos, NANOS_PER_SECOND)
  const fraction = nanos - seconds * NANOS_PER_SECOND
  const offsetMinutes = timezone ? zoneOffsetMinutes(timezone, Number(seconds) * 1000) : null
  if (offsetMinutes !== null) seconds += BigInt(offsetMinutes * 60)
  const date = new Date(Number(seconds) * 1000)
  const text =
    `${formatYear(date.getUTCFullYear())}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())} ` +
    `${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())}${formatFraction(fraction)}`
  const zone = timezone ? (offsetMinutes === null ? ` ${timezone}` : formatOffset(offsetMinutes)) : ''
  return `${text}${zone}${date.getUTCFullYear() <= 0 ? ' BC' : ''}`
}

/** Nanoseconds as `HH:MM:SS[.fraction]`; with `unbounded` the hours may exceed 23 (interval display). */
export function formatTimeOfDay(nanos: bigint, unbounded = false): string {
  const totalSeconds = floorDiv(nanos, NANOS_PER_SECOND)
  const fraction = nanos - totalSeconds * NANOS_PER_SECOND
  const hours = totalSeconds / 3600n
  const shown = unbounded ? hours : hours % 24n
  return `${pad2(Number(shown))}:${pad2(Number((totalSeconds / 60n) % 60n))}:${pad2(Number(totalSeconds % 60n))}${formatFraction(fraction)}`
}

/**
 * Offset of `timezone` from UTC at `epochMs`, in minutes: from a `±HH:MM` text or an IANA name through
 * `Intl`; null when the runtime does not know the zone.
 */
function zoneOffsetMinutes(timezone: string, epochMs: number): number | null {
  if (UTC_NAMES.has(timezone)) return 0
  const fixed = /^([+-])(\d{2}):?(\d{2})$/.exec(timezone)
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3]))
  const formatter = offsetFormatter(timezone)
  if (formatter === null) return null
  const name = formatter.formatToParts(new Date(epochMs)).find((part) => part.type === 'timeZoneName')?.value ?? ''
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name)
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0
}

function offsetFormatter(timezone: string): Intl.DateTimeFormat | null {
  if (!offsetFormatters.has(timezone)) {
    try {
      offsetFormatters.set(
        timezone,
        new Intl.DateTimeFormat('en-US', { timeZone: timezone, timeZoneName: 'longOffset' }),
      )
    } catch {
      offsetFormatters.set(timezone, null)
    }
  }
  return offsetFormatters.get(timezone) ?? null
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
}

function formatFraction(nanos: bigint): string {
  if (nanos === 0n) return ''
  return `.${nanos.toString().padStart(9, '0').replace(/0+$/, '')}`
}

function formatYear(year: number): string {
  return String(year <= 0 ? 1 - year : year).padStart(4, '0')
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q
}

function pad2(value: number): string {
  return String(value).padStart(2, '0')
}
