import { describe, expect, it } from 'vitest'
import { EngineError } from '../../api/contract/errors.js'
import { readArrayHeader } from './array-header.js'

/** A binary array header (array_send) for `dims` (length, lower bound) and element `oid`, plus `extra` bytes. */
function header(dims: [number, number][], oid: number, extra = 0): DataView {
  const view = new DataView(new ArrayBuffer(12 + 8 * dims.length + extra))
  view.setInt32(0, dims.length)
  view.setInt32(4, 1)
  view.setUint32(8, oid)
  dims.forEach(([length, lower], d) => {
    view.setInt32(12 + 8 * d, length)
    view.setInt32(16 + 8 * d, lower)
  })
  return view
}

describe('readArrayHeader', () => {
  it('reads an empty array (no dimensions)', () => {
    expect(readArrayHeader(header([], 23), 0, 12)).toEqual({
      dimensions: 0,
      elementCount: 0,
      elementOid: 23,
      dataOffset: 12,
    })
  })

  it('multiplies dimension lengths and ignores lower bounds', () => {
    const view = header(
      [
        [2, 0],
        [3, -5],
      ],
      25,
      40,
    )
    expect(readArrayHeader(view, 0, view.byteLength)).toEqual({
      dimensions: 2,
      elementCount: 6,
      elementOid: 25,
      dataOffset: 28,
    })
  })

  it('reads at an offset and handles element OIDs above 2^31', () => {
    const inner = header([[1, 1]], 0xfffffff0, 8)
    const bytes = new Uint8Array(4 + inner.byteLength)
    bytes.set(new Uint8Array(inner.buffer), 4)
    const result = readArrayHeader(new DataView(bytes.buffer), 4, inner.byteLength)
    expect(result).toEqual({ dimensions: 1, elementCount: 1, elementOid: 0xfffffff0, dataOffset: 24 })
  })

  it('rejects a malformed header with INTERNAL', () => {
    expect(() => readArrayHeader(header([[1, 1]], 23), 0, 12)).toThrow(EngineError)
    const seven = new DataView(new ArrayBuffer(12 + 56))
    seven.setInt32(0, 7)
    expect(() => readArrayHeader(seven, 0, seven.byteLength)).toThrow(/malformed/)
  })
})
