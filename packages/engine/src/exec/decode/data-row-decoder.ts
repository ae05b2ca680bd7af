import { EngineError } from '../../api/contract/errors.js'
import { ChunkCarry } from './chunk-carry.js'
import type { TupleSink } from './copy-binary-decoder.js'

/** `D`: DataRow, whose body (int16 field count, then per field int32 length + bytes) is a binary COPY tuple. */
const DATA_ROW = 0x44
/**
 * Messages that may come between or before the rows and carry nothing the stream needs: ParseComplete `1`,
 * BindComplete `2`, NoData `n`, RowDescription `T`, NoticeResponse `N`, ParameterStatus `S`, Notification `A`.
 */
const PASSED_OVER = new Set([0x31, 0x32, 0x6e, 0x54, 0x4e, 0x53, 0x41])
/** Type byte and int32 length (which counts itself but not the type byte). */
const HEADER_BYTES = 5

/**
 * Frames the backend messages of an extended-protocol Execute from chunks cut anywhere
 * (https://www.postgresql.org/docs/current/protocol-message-formats.html), and hands every DataRow to the same
 * `TupleSink` as binary COPY: with a binary result format a DataRow's body is exactly a COPY tuple. The first message that is neither a row nor passed over
 * (CommandComplete, ErrorResponse, EmptyQueryResponse, PortalSuspended, ReadyForQuery…) ends the row stream:
 * `push` returns the bytes from that message on, for node-postgres to parse. Rows beyond the sink's cap are
 * framed but not decoded. A message split across chunks is kept until complete (one copy per split message).
 */
export class DataRowDecoder {
  private readonly carry = new ChunkCarry()
  private ended = false
  private readonly starts: Int32Array
  private readonly lengths: Int32Array

  constructor(
    private readonly fieldCount: number,
    private readonly sink: TupleSink,
  ) {
    this.starts = new Int32Array(fieldCount)
    this.lengths = new Int32Array(fieldCount)
  }

  /**
   * Decodes every complete row of `chunk` (plus what was kept from earlier chunks). Returns null while rows may
   * follow, or the unread bytes starting at the first message after the rows (possibly incomplete).
   * @throws EngineError `INTERNAL` when a row holds another number of fields than described, or is malformed,
   *   or when called after the rows ended.
   */
  push(chunk: Uint8Array): Uint8Array | null {
    if (this.ended) throw new EngineError('INTERNAL', 'the row stream of a portal already ended')
    const bytes = this.carry.next(chunk)
    return bytes === null ? null : this.parse(bytes)
  }

  private parse(bytes: Uint8Array): Uint8Array | null {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const end = bytes.length
    let p = 0
    while (p < end) {
      const type = bytes[p]!
      if (type !== DATA_ROW && !PASSED_OVER.has(type)) {
        this.ended = true
        return bytes.subarray(p)
      }
      if (p + HEADER_BYTES > end) return this.keep(bytes, p, HEADER_BYTES)
      const messageEnd = p + 1 + view.getInt32(p + 1)
      if (messageEnd > end) return this.keep(bytes, p, messageEnd - p)
      if (type === DATA_ROW && !this.sink.stopped) this.row(bytes, view, p + HEADER_BYTES, messageEnd)
      p = messageEnd
    }
    return null
  }

  private row(bytes: Uint8Array, view: DataView, start: number, end: number): void {
    const count = view.getInt16(start)
    if (count !== this.fieldCount) {
      throw new EngineError('INTERNAL', `a DataRow has ${count} fields where ${this.fieldCount} were described`)
    }
    const { starts, lengths } = this
    let q = start + 2
    for (let f = 0; f < count; f += 1) {
      const len = view.getInt32(q)
      q += 4
      starts[f] = q
      lengths[f] = len
      if (len > 0) q += len
    }
    if (q !== end) throw new EngineError('INTERNAL', 'a DataRow is longer or shorter than its fields')
    this.sink.tuple(bytes, view, starts, lengths, end - start)
  }

  /** Keeps `bytes[from…]` for the next chunk (see `ChunkCarry.keep`); null: no message after the rows yet. */
  private keep(bytes: Uint8Array, from: number, need: number): null {
    this.carry.keep(bytes, from, need)
    return null
  }
}
