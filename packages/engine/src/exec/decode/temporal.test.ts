import { describe, expect, it } from 'vitest'
import { PG_EPOCH_DAYS, pgDateToUnixDays, writeUnixMicros } from './temporal.js'

const PG_EPOCH_MICROS = 946_684_800_000_000n

/** Runs writeUnixMicros on a bigint PostgreSQL timestamp; null when it refuses. */
function toUnixMicros(pgMicros: bigint): bigint | null {
  const words = new Int32Array(2)
  const high = Number(BigInt.asIntN(32, pgMicros >> 32n))
  const low = Number(BigInt.asUintN(32, pgMicros))
  return writeUnixMicros(high, low, words, 0) ? new BigInt64Array(words.buffer)[0]! : null
}

describe('pgDateToUnixDays', () => {
  it('moves days from the 2000-01-01 epoch to 1970-01-01', () => {
    expect(PG_EPOCH_DAYS).toBe(10957)
    expect(pgDateToUnixDays(0)).toBe(10957)
    expect(pgDateToUnixDays(-10957)).toBe(0)
    expect(pgDateToUnixDays(-2451545)).toBe(-2451545 + 10957)
  })

  it('maps ±infinity to null', () => {
    expect(pgDateToUnixDays(0x7fffffff)).toBeNull()
    expect(pgDateToUnixDays(-0x80000000)).toBeNull()
  })
})

describe('writeUnixMicros', () => {
  it('adds the epoch difference with carries across the 32-bit words', () => {
    for (const pg of [
      0n,
      1n,
      -1n,
      -PG_EPOCH_MICROS,
      4_294_967_295n,
      -4_294_967_296n,
      1_000_000_000_000_000n,
      -211_813_488_000_000_000n,
    ]) {
      expect(toUnixMicros(pg)).toBe(pg + PG_EPOCH_MICROS)
    }
  })

  it('refuses ±infinity and instants that overflow int64 after the shift', () => {
    expect(toUnixMicros(2n ** 63n - 1n)).toBeNull()
    expect(toUnixMicros(-(2n ** 63n))).toBeNull()
    expect(toUnixMicros(9_223_371_331_200_000_000n)).toBeNull()
    expect(toUnixMicros(2n ** 63n - 1n - PG_EPOCH_MICROS - 1n)).toBe(2n ** 63n - 2n)
  })

  it('writes at the given index', () => {
    const words = new Int32Array(4)
    expect(writeUnixMicros(0, 0, words, 1)).toBe(true)
    expect(new BigInt64Array(words.buffer)[1]).toBe(PG_EPOCH_MICROS)
  })
})
