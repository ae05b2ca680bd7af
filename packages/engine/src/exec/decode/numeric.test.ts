import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CopyBinaryDecoder, type TupleSink } from './copy-binary-decoder.js'
import { numericTextMaxLength, writeDecimal128, writeNumericText } from './numeric.js'

/** Binary numerics (numeric, numeric(38,6)) with PostgreSQL's own text of each, from fixtures/make-fixtures.sql. */
const FIXTURE = readFileSync(new URL('../fixtures/numerics.copy', import.meta.url))

interface NumericRow {
  view: DataView
  unbounded: number
  scaled: number
  text: string
}

function fixtureRows(): NumericRow[] {
  const rows: NumericRow[] = []
  const sink: TupleSink = {
    stopped: false,
    tuple(bytes, view, starts, lengths) {
      const text = Buffer.from(bytes.subarray(starts[2]!, starts[2]! + lengths[2]!)).toString('utf8')
      rows.push({ view, unbounded: starts[0]!, scaled: starts[1]!, text })
    },
  }
  const decoder = new CopyBinaryDecoder(3, sink)
  decoder.push(FIXTURE)
  decoder.end()
  return rows
}

/** The 128-bit two's complement integer held by four little-endian uint32 words. */
function decimalValue(words: Uint32Array): bigint {
  const unsigned = words.reduceRight((acc, word) => (acc << 32n) | BigInt(word), 0n)
  return unsigned >= 1n << 127n ? unsigned - (1n << 128n) : unsigned
}

/** `text` (PostgreSQL numeric text) scaled by 10^scale, as an exact integer. */
function scaledValue(text: string, scale: number): bigint {
  const negative = text.startsWith('-')
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.')
  const digits = BigInt(whole + fraction.padEnd(scale, '0').slice(0, scale))
  return negative ? -digits : digits
}

/** Binary numeric from its fields (ndigits is the length of `digits`). */
function numericBytes(weight: number, sign: number, dscale: number, digits: number[]): DataView {
  const view = new DataView(new ArrayBuffer(8 + 2 * digits.length))
  view.setInt16(0, digits.length)
  view.setInt16(2, weight)
  view.setUint16(4, sign)
  view.setInt16(6, dscale)
  digits.forEach((digit, i) => view.setInt16(8 + 2 * i, digit))
  return view
}

function text(view: DataView, off = 0): string {
  const dst = new Uint8Array(numericTextMaxLength(view, off))
  return Buffer.from(dst.subarray(0, writeNumericText(view, off, dst, 0))).toString('latin1')
}

describe('writeNumericText', () => {
  it('prints every fixture value exactly as PostgreSQL does', () => {
    const rows = fixtureRows()
    expect(rows).toHaveLength(23)
    for (const row of rows) expect(text(row.view, row.unbounded)).toBe(row.text)
  })

  it('prints the special values', () => {
    expect(text(numericBytes(0, 0xc000, 0, []))).toBe('NaN')
    expect(text(numericBytes(0, 0xd000, 0, []))).toBe('Infinity')
    expect(text(numericBytes(0, 0xf000, 0, []))).toBe('-Infinity')
  })

  it('pads fractional zeros before the first digit group', () => {
    expect(text(numericBytes(-3, 0x4000, 12, [12]))).toBe('-0.000000000012')
  })
})

describe('writeDecimal128', () => {
  it('scales every fixture value to the column scale, two’s complement for negatives', () => {
    const words = new Uint32Array(4)
    for (const row of fixtureRows()) {
      if (row.text === 'NaN') continue
      expect(writeDecimal128(row.view, row.scaled, 6, words, 0)).toBe(true)
      expect([row.text, decimalValue(words)]).toEqual([row.text, scaledValue(row.text, 6)])
    }
  })

  it('refuses NaN and infinities (the column stores null)', () => {
    const words = new Uint32Array(4)
    for (const sign of [0xc000, 0xd000, 0xf000])
      expect(writeDecimal128(numericBytes(0, sign, 0, []), 0, 2, words, 0)).toBe(false)
  })

  it('writes at the given index and handles the largest 38-digit value', () => {
    const words = new Uint32Array(8)
    const max = numericBytes(9, 0x4000, 0, [99, 9999, 9999, 9999, 9999, 9999, 9999, 9999, 9999, 9999])
    expect(writeDecimal128(max, 0, 0, words, 1)).toBe(true)
    expect(decimalValue(words.subarray(4))).toBe(-(10n ** 38n - 1n))
    expect(Array.from(words.subarray(0, 4))).toEqual([0, 0, 0, 0])
  })
})
