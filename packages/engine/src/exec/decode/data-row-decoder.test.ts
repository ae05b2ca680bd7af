import { describe, expect, it } from 'vitest'
import { EngineError } from '../../api/contract/errors.js'
import { RecordingSink } from '../testing/recording-sink.js'
import { DataRowDecoder } from './data-row-decoder.js'

/** A backend message: type byte, int32 length (counting itself), body. */
function message(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5)
  header.write(type, 0, 'latin1')
  header.writeInt32BE(body.length + 4, 1)
  return Buffer.concat([header, body])
}

/** A DataRow of binary fields (null = SQL null). */
function dataRow(fields: (Buffer | null)[]): Buffer {
  const parts: Buffer[] = [Buffer.from([0, fields.length])]
  for (const field of fields) {
    const length = Buffer.alloc(4)
    length.writeInt32BE(field === null ? -1 : field.length)
    parts.push(length, field ?? Buffer.alloc(0))
  }
  return message('D', Buffer.concat(parts))
}

const int4 = (n: number): Buffer => {
  const b = Buffer.alloc(4)
  b.writeInt32BE(n)
  return b
}

const ROWS = [
  [Buffer.from('héllo'), null],
  [Buffer.from(''), Buffer.from('x'.repeat(300))],
  [null, null],
]
const COMPLETE = message('C', Buffer.from('SELECT 3\0'))
const READY = message('Z', Buffer.from('T'))
const STREAM = Buffer.concat([
  message('1', Buffer.alloc(0)),
  message('2', Buffer.alloc(0)),
  dataRow(ROWS[0]!),
  message('N', Buffer.from('SNOTICE\0\0')),
  dataRow(ROWS[1]!),
  dataRow(ROWS[2]!),
  COMPLETE,
  READY,
])
const EXPECTED = [
  ['héllo', null],
  ['', 'x'.repeat(300)],
  [null, null],
]

function decode(chunks: Uint8Array[], sink = new RecordingSink('utf8')): { sink: RecordingSink; rest: Buffer } {
  const decoder = new DataRowDecoder(2, sink)
  for (let i = 0; i < chunks.length; i += 1) {
    const rest = decoder.push(chunks[i]!)
    if (rest !== null) return { sink, rest: Buffer.concat([rest, ...chunks.slice(i + 1)]) }
  }
  throw new Error('the rows never ended')
}

describe('DataRowDecoder', () => {
  it('hands each DataRow body to the sink as a tuple and stops at CommandComplete', () => {
    const { sink, rest } = decode([STREAM])
    expect(sink.tuples).toEqual(EXPECTED)
    expect(sink.sizes).toEqual([2 + 4 + 6 + 4, 2 + 4 + 4 + 300, 2 + 8])
    expect(rest.equals(Buffer.concat([COMPLETE, READY]))).toBe(true)
  })

  it('gives the same tuples and rest for the same bytes split at every offset', () => {
    for (let cut = 1; cut < STREAM.length; cut += 1) {
      const { sink, rest } = decode([STREAM.subarray(0, cut), STREAM.subarray(cut)])
      expect(sink.tuples).toEqual(EXPECTED)
      expect(rest.equals(Buffer.concat([COMPLETE, READY]))).toBe(true)
    }
    const bytes = [...STREAM].map((b) => Uint8Array.of(b))
    expect(decode(bytes).sink.tuples).toEqual(EXPECTED)
  })

  it('returns the bytes from an ErrorResponse on, for node-postgres to parse', () => {
    const error = message('E', Buffer.from('SERROR\0C22012\0Mdivision by zero\0\0'))
    const { sink, rest } = decode([Buffer.concat([dataRow(ROWS[0]!), error, READY])])
    expect(sink.tuples).toHaveLength(1)
    expect(rest.equals(Buffer.concat([error, READY]))).toBe(true)
  })

  it('frames but does not decode rows once the sink stopped', () => {
    const { sink, rest } = decode([STREAM], new RecordingSink('utf8', 1))
    expect(sink.tuples).toEqual([EXPECTED[0]])
    expect(rest.subarray(0, 1).toString()).toBe('C')
  })

  it('rejects a row with another number of fields than described', () => {
    const decoder = new DataRowDecoder(2, new RecordingSink('utf8'))
    expect(() => decoder.push(dataRow([int4(1)]))).toThrow(EngineError)
  })
})
