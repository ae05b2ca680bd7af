import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { EngineError } from '../../api/contract/errors.js'
import { RecordingSink } from '../testing/recording-sink.js'
import { CopyBinaryDecoder } from './copy-binary-decoder.js'

/** 24 columns × 4 rows of real binary COPY output (fixtures/make-fixtures.sql), 1 129 bytes. */
const FIXTURE = new Uint8Array(readFileSync(new URL('../fixtures/all-types.copy', import.meta.url)))
const FIELDS = 24

function decode(chunks: Uint8Array[], sink = new RecordingSink('hex')): RecordingSink {
  const decoder = new CopyBinaryDecoder(FIELDS, sink)
  for (const chunk of chunks) decoder.push(chunk)
  decoder.end()
  expect(decoder.done || sink.stopped).toBe(true)
  return sink
}

describe('CopyBinaryDecoder', () => {
  const whole = decode([FIXTURE])

  it('frames header, tuples and trailer of one chunk', () => {
    expect(whole.tuples).toHaveLength(4)
    expect(whole.tuples[1]).toEqual(Array(FIELDS).fill(null))
    expect(whole.tuples[0]![0]).toBe('0001')
    expect(whole.tuples[0]![8]).toBe(Buffer.from('héllo ✓ 😀').toString('hex'))
    expect(whole.sizes.reduce((a, b) => a + b, 0)).toBe(FIXTURE.length - 19 - 2)
  })

  it('gives the same tuples for the same bytes split at every offset', () => {
    for (let cut = 1; cut < FIXTURE.length; cut += 1) {
      const split = decode([FIXTURE.subarray(0, cut), FIXTURE.subarray(cut)])
      expect(split.tuples, `split at ${cut}`).toEqual(whole.tuples)
    }
  })

  it('gives the same tuples for every pair of cuts and for one-byte chunks', () => {
    for (let a = 1; a < FIXTURE.length; a += 7) {
      for (let b = a + 1; b < FIXTURE.length; b += 13) {
        const split = decode([FIXTURE.subarray(0, a), FIXTURE.subarray(a, b), FIXTURE.subarray(b)])
        expect(split.tuples, `cuts at ${a}, ${b}`).toEqual(whole.tuples)
      }
    }
    const bytes = Array.from({ length: FIXTURE.length }, (_, i) => FIXTURE.subarray(i, i + 1))
    expect(decode(bytes).tuples).toEqual(whole.tuples)
  })

  it('stops framing once the sink stops and ignores later chunks', () => {
    const sink = decode([FIXTURE.subarray(0, 300), FIXTURE.subarray(300)], new RecordingSink('hex', 2))
    expect(sink.tuples).toEqual(whole.tuples.slice(0, 2))
  })

  it('fails with INTERNAL when the data ends before the trailer', () => {
    const decoder = new CopyBinaryDecoder(FIELDS, new RecordingSink('hex'))
    decoder.push(FIXTURE.subarray(0, FIXTURE.length - 2))
    expect(() => decoder.end()).toThrow(EngineError)
  })

  it('rejects data without the binary signature or with another field count', () => {
    const text = new TextEncoder().encode('1\tabc\n'.repeat(10))
    expect(() => new CopyBinaryDecoder(FIELDS, new RecordingSink('hex')).push(text)).toThrow(/signature/)
    expect(() => new CopyBinaryDecoder(3, new RecordingSink('hex')).push(FIXTURE)).toThrow(/24 fields where 3/)
  })
})
