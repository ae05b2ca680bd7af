/**
 * Splits a non-negative integer into groups of three digits, most significant first (`1234567` →
 * `['1', '234', '567']`), so a view can space the groups while the text stays plain digits.
 */
export function groupDigits(value: number): string[] {
  const digits = String(Math.max(0, Math.trunc(value)))
  const head = digits.length % 3
  const groups = head === 0 ? [] : [digits.slice(0, head)]
  for (let i = head; i < digits.length; i += 3) groups.push(digits.slice(i, i + 3))
  return groups
}

/** A count with thousands separators: `1234567` → `1,234,567`. */
export function formatCount(value: number): string {
  return groupDigits(value).join(',')
}

/** Rows as people say it: `1 row`, `52 rows`, `1,234 rows`. */
export function formatRows(rows: number): string {
  return `${formatCount(rows)} ${rows === 1 ? 'row' : 'rows'}`
}

const BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB']

/** Bytes in decimal units with three significant digits at most: `0 B`, `999 B`, `1.23 kB`, `45.6 MB`. */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes)
  let unit = 0
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000
    unit += 1
  }
  const text = unit === 0 ? String(Math.round(value)) : trimZeros(value.toPrecision(3))
  return `${text} ${BYTE_UNITS[unit]}`
}

/** A duration in ms for a status line: `0 ms`, `412 ms`, `2.61 s`, `12.3 s`, `1 min 05 s`, `1 h 02 min`. */
export function formatDuration(ms: number): string {
  const value = Math.max(0, ms)
  if (value < 1000) return `${Math.round(value)} ms`
  if (value < 60_000) return `${trimZeros((value / 1000).toPrecision(3))} s`
  const totalSeconds = Math.floor(value / 1000)
  if (totalSeconds < 3600) {
    return `${Math.floor(totalSeconds / 60)} min ${String(totalSeconds % 60).padStart(2, '0')} s`
  }
  const totalMinutes = Math.floor(totalSeconds / 60)
  return `${Math.floor(totalMinutes / 60)} h ${String(totalMinutes % 60).padStart(2, '0')} min`
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text
}

/** A count in at most four characters for tight spots: `950`, `3.4k`, `52k`, `3M`, `1.2B`. */
export function formatCompactCount(value: number): string {
  const units: [number, string][] = [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ]
  for (const [size, suffix] of units) {
    if (Math.abs(value) >= size) {
      const scaled = value / size
      return `${trimZeros(scaled >= 10 ? String(Math.round(scaled)) : scaled.toFixed(1))}${suffix}`
    }
  }
  return String(Math.round(value))
}
