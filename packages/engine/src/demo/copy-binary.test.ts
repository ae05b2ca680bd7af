import { Int64, Table, TimestampMicrosecond, Utf8, Float64, vectorFromArray } from 'apache-arrow'
import { describe, expect, it } from 'vitest'
import { COPY_BINARY_HEADER, COPY_BINARY_TRAILER, encodeCopyRows, pgColumnsFor } from './copy-binary.js'

function sampleBatch() {
  const table = new Table({
    date: vectorFromArray([Date.UTC(2001, 0, 1, 0, 1), null], new TimestampMicrosecond()),
    delay: vectorFromArray([33n, -5n], new Int64()),
    origin: vectorFromArray(['LAS', null], new Utf8()),
    ratio: vectorFromArray([0.5, 2], new Float64()),
  })
  const batch = table.batches[0]
  if (!batch) throw new Error('no batch')
  return batch
}

describe('binary COPY encoding', () => {
  it('maps Arrow types to PostgreSQL column types', () => {
    expect(pgColumnsFor(sampleBatch().schema)).toEqual([
      { name: 'date', type: 'timestamp' },
      { name: 'delay', type: 'bigint' },
      { name: 'origin', type: 'text' },
      { name: 'ratio', type: 'double precision' },
    ])
  })

  it('writes the PGCOPY signature, flags and trailer', () => {
    expect(COPY_BINARY_HEADER.toString('hex')).toBe('5047434f50590aff0d0a000000000000000000')
    expect(COPY_BINARY_TRAILER.toString('hex')).toBe('ffff')
  })

  it('writes each row as a field count and length-prefixed big-endian fields, NULL as length -1', () => {
    const expected = Buffer.alloc(2 + (4 + 8) + (4 + 8) + (4 + 3) + (4 + 8) + 2 + 4 + (4 + 8) + 4 + (4 + 8))
    let p = expected.writeInt16BE(4, 0)
    p = expected.writeInt32BE(8, p)
    p = expected.writeBigInt64BE(BigInt(Date.UTC(2001, 0, 1, 0, 1) - Date.UTC(2000, 0, 1)) * 1000n, p)
    p = expected.writeInt32BE(8, p)
    p = expected.writeBigInt64BE(33n, p)
    p = expected.writeInt32BE(3, p)
    p += expected.write('LAS', p, 'utf8')
    p = expected.writeInt32BE(8, p)
    p = expected.writeDoubleBE(0.5, p)
    p = expected.writeInt16BE(4, p)
    p = expected.writeInt32BE(-1, p)
    p = expected.writeInt32BE(8, p)
    p = expected.writeBigInt64BE(-5n, p)
    p = expected.writeInt32BE(-1, p)
    p = expected.writeInt32BE(8, p)
    expected.writeDoubleBE(2, p)
    expect(encodeCopyRows(sampleBatch()).toString('hex')).toBe(expected.toString('hex'))
  })
})
