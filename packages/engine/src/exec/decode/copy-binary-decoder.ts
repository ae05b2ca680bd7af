import { EngineError } from '../../api/contract/errors.js'
import { ChunkCarry } from './chunk-carry.js'

/** `PGCOPY\n\377\r\n\0`: the signature opening every binary COPY stream. */
const SIGNATURE = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00]
/** Signature, int32 flags, int32 header extension length. */
const FIXED_HEADER_BYTES = 19
/** Flags bit 16: every tuple carries an OID (never asked for here). */
const FLAG_WITH_OIDS = 1 << 16

/** Receives the tuples a `CopyBinaryDecoder` frames. */
export interface TupleSink {
  /**
   * One tuple: field i is `lengths[i]` bytes at `bytes[starts[i]]` (length −1 = SQL null); `view` spans the same
   * memory as `bytes`; `size` is the tuple's wire size (bytes). The arrays are reused: read them before returning.
   */
  tuple(bytes: Uint8Array, view: DataView, starts: Int32Array, lengths: Int32Array, size: number): void
  /** True once the sink wants no more tuples (its row cap is reached); the decoder then ignores the rest. */
  readonly stopped: boolean
}

/**
 * Frames PostgreSQL's binary COPY format (https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4)
 * from chunks cut anywhere: header, tuples (int16 field count, then per field int32 length + bytes), trailer
 * (field count −1). A tuple split across chunks is kept and completed by the next ones (`ChunkCarry`).
 */
export class CopyBinaryDecoder {
  private state: 'header' | 'tuples' | 'done' = 'header'
  private readonly carry = new ChunkCarry()
  private readonly starts: Int32Array
  private readonly lengths: Int32Array

  constructor(
    private readonly fieldCount: number,
    private readonly sink: TupleSink,
  ) {
    this.starts = new Int32Array(fieldCount)
    this.lengths = new Int32Array(fieldCount)
  }

  /** True once the trailer was read. */
  get done(): boolean {
    return this.state === 'done'
  }

  /** Decodes every complete tuple of `chunk` (plus what was kept from earlier chunks) into the sink. */
  push(chunk: Uint8Array): void {
    if (this.state === 'done' || this.sink.stopped) return
    const bytes = this.carry.next(chunk)
    if (bytes !== null) this.parse(bytes)
  }

  /**
   * Checks the stream ended where it should: after the trailer, or anywhere once the sink stopped.
   * @throws EngineError `INTERNAL` when the COPY data ended before its trailer.
   */
  end(): void {
    if (this.state !== 'done' && !this.sink.stopped) {
      throw new EngineError('INTERNAL', `the hub's COPY data ended before its trailer (${this.carry.kept} bytes left)`)
    }
  }

  private parse(bytes: Uint8Array): void {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const end = bytes.length
    let p = 0
    if (this.state === 'header') {
      const headerBytes = readHeader(bytes, view)
      if (headerBytes < 0) return this.carry.keep(bytes, 0, -headerBytes)
      p = headerBytes
      this.state = 'tuples'
    }
    const { starts, lengths, fieldCount, sink } = this
    while (p < end) {
      if (p + 2 > end) return this.carry.keep(bytes, p, 2)
      const count = view.getInt16(p)
      if (count === -1) {
        this.state = 'done'
        return
      }
      if (count !== fieldCount) {
        throw new EngineError('INTERNAL', `COPY tuple has ${count} fields where ${fieldCount} were described`)
      }
      let q = p + 2
      for (let f = 0; f < count; f += 1) {
        if (q + 4 > end) return this.carry.keep(bytes, p, q + 4 - p)
        const len = view.getInt32(q)
        q += 4
        starts[f] = q
        lengths[f] = len
        if (len > 0) {
          q += len
          if (q > end) return this.carry.keep(bytes, p, q - p)
        }
      }
      sink.tuple(bytes, view, starts, lengths, q - p)
      p = q
      if (sink.stopped) return
    }
  }
}

/** Bytes the header takes, or −(bytes needed) when `bytes` is too short to hold it. */
function readHeader(bytes: Uint8Array, view: DataView): number {
  if (bytes.length < FIXED_HEADER_BYTES) return -FIXED_HEADER_BYTES
  for (let i = 0; i < SIGNATURE.length; i += 1) {
    if (bytes[i] !== SIGNATURE[i])
      throw new EngineError('INTERNAL', 'the hub sent COPY data without the binary signature')
  }
  if ((view.getInt32(11) & FLAG_WITH_OIDS) !== 0) throw new EngineError('INTERNAL', 'the hub sent COPY data with OIDs')
  const total = FIXED_HEADER_BYTES + view.getInt32(15)
  return bytes.length < total ? -total : total
}
