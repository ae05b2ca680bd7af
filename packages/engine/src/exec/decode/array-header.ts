import { EngineError } from '../../api/contract/errors.js'

/** PostgreSQL's limit on array dimensions (MAXDIM in src/include/utils/array.h). */
const MAX_DIMENSIONS = 6

/** The header of a binary array value (array_send): dimensions, element count, element type, where elements start. */
export interface ArrayHeader {
  /** Number of dimensions; 0 for an empty array. */
  readonly dimensions: number
  /** Product of the dimension lengths (elements that follow). */
  readonly elementCount: number
  readonly elementOid: number
  /** Byte offset of the first element (int32 length, then bytes; length −1 = null). */
  readonly dataOffset: number
}

/**
 * Reads the header of the binary array at `view[off]`, `len` bytes long: int32 ndim, int32 flags (has nulls),
 * uint32 element OID, then ndim × (int32 length, int32 lower bound). Lower bounds are ignored.
 * @throws EngineError `INTERNAL` when the header is malformed (more than 6 dimensions or beyond `len`).
 */
export function readArrayHeader(view: DataView, off: number, len: number): ArrayHeader {
  const dimensions = view.getInt32(off)
  const dataOffset = off + 12 + 8 * dimensions
  if (dimensions < 0 || dimensions > MAX_DIMENSIONS || dataOffset > off + len) {
    throw new EngineError('INTERNAL', `malformed binary array from the hub (${dimensions} dimensions in ${len} bytes)`)
  }
  let elementCount = dimensions === 0 ? 0 : 1
  for (let d = 0; d < dimensions; d += 1) elementCount *= view.getInt32(off + 12 + 8 * d)
  return { dimensions, elementCount, elementOid: view.getUint32(off + 8), dataOffset }
}
