import { makeData, type Data, type List } from 'apache-arrow'
import { INITIAL_CAPACITY, type ColumnBuilder } from './column-builder.js'
import { readArrayHeader } from './array-header.js'
import { Validity } from './validity.js'

/**
 * Builds an Arrow List column from binary PostgreSQL arrays. Elements of every dimension go, in row-major order,
 * into the child builder; lower bounds are dropped (see `planColumn`).
 */
export class ListBuilder implements ColumnBuilder {
  length = 0
  private capacity = INITIAL_CAPACITY
  private offsets = new Int32Array(INITIAL_CAPACITY + 1)
  private readonly validity = new Validity()

  constructor(
    private readonly type: List,
    private readonly child: ColumnBuilder,
  ) {}

  append(bytes: Uint8Array, view: DataView, off: number, len: number): void {
    const i = this.length
    if (i === this.capacity) this.growOffsets()
    const header = readArrayHeader(view, off, len)
    const child = this.child
    let p = header.dataOffset
    for (let k = 0; k < header.elementCount; k += 1) {
      const elementLength = view.getInt32(p)
      p += 4
      if (elementLength < 0) {
        child.appendNull()
      } else {
        child.append(bytes, view, p, elementLength)
        p += elementLength
      }
    }
    this.offsets[i + 1] = child.length
    this.length = i + 1
  }

  appendNull(): void {
    const i = this.length
    if (i === this.capacity) this.growOffsets()
    this.validity.setNull(i)
    this.offsets[i + 1] = this.child.length
    this.length = i + 1
  }

  finish(): Data {
    const length = this.length
    const { nullBitmap, nullCount } = this.validity.take(length)
    const valueOffsets = this.offsets.subarray(0, length + 1)
    const built = makeData({ type: this.type, length, nullCount, nullBitmap, valueOffsets, child: this.child.finish() })
    this.length = 0
    this.offsets = new Int32Array(this.capacity + 1)
    return built
  }

  private growOffsets(): void {
    this.capacity *= 2
    const next = new Int32Array(this.capacity + 1)
    next.set(this.offsets)
    this.offsets = next
  }
}
