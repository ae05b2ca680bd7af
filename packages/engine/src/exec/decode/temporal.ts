/**
 * Conversions of PostgreSQL's binary dates and timestamps (epoch 2000-01-01) to Arrow's (epoch 1970-01-01).
 * Source: src/include/datatype/timestamp.h (POSTGRES_EPOCH_JDATE, DT_NOBEGIN/DT_NOEND, DATEVAL_NOBEGIN/NOEND).
 */

/** Days from 1970-01-01 to 2000-01-01. */
export const PG_EPOCH_DAYS = 10957
/** Microseconds from 1970-01-01 to 2000-01-01 (946 684 800 000 000) as high and low 32-bit words. */
const PG_EPOCH_MICROS_HIGH = 220417
const PG_EPOCH_MICROS_LOW = 993517568
const TWO_32 = 4294967296
const INT32_MAX = 0x7fffffff
const INT32_MIN = -0x80000000

/** Days since 1970-01-01 of a binary `date` (int32 days since 2000-01-01); null for `infinity` and `-infinity`. */
export function pgDateToUnixDays(pgDays: number): number | null {
  if (pgDays === INT32_MAX || pgDays === INT32_MIN) return null
  return pgDays + PG_EPOCH_DAYS
}

/**
 * Writes the Unix-epoch microseconds of a binary `timestamp`/`timestamptz` (int64 µs since 2000-01-01, given as its
 * signed high word and unsigned low word) into `dst` as two little-endian int32 words at `2·index`.
 * Returns false, writing nothing, for `±infinity` and for the last ~30 years of PostgreSQL's range (after
 * 294 247 AD), which overflow Arrow's int64 once moved to the Unix epoch.
 */
export function writeUnixMicros(high: number, low: number, dst: Int32Array, index: number): boolean {
  if ((high === INT32_MAX && low === 0xffffffff) || (high === INT32_MIN && low === 0)) return false
  let sumLow = low + PG_EPOCH_MICROS_LOW
  let carry = 0
  if (sumLow >= TWO_32) {
    sumLow -= TWO_32
    carry = 1
  }
  const sumHigh = high + PG_EPOCH_MICROS_HIGH + carry
  if (sumHigh > INT32_MAX) return false
  dst[2 * index] = sumLow | 0
  dst[2 * index + 1] = sumHigh
  return true
}
