/**
 * The `capacity` smallest numbers seen so far, as a max-heap in a Float64Array (8 bytes per slot, allocated
 * once): `max` is the largest of them, the admission threshold of bottom-k sampling.
 */
export class RankHeap {
  readonly #heap: Float64Array
  #size = 0

  constructor(readonly capacity: number) {
    this.#heap = new Float64Array(capacity)
  }

  /** True once `capacity` numbers are held. */
  get full(): boolean {
    return this.#size === this.capacity
  }

  /** The largest number held; +Infinity while not full (every number is admitted). */
  get max(): number {
    return this.full ? (this.#heap[0] as number) : Number.POSITIVE_INFINITY
  }

  /** Offers a number: kept while not full, else kept in place of the largest when smaller than it. */
  offer(value: number): void {
    const heap = this.#heap
    if (!this.full) {
      let i = this.#size++
      while (i > 0) {
        const parent = (i - 1) >> 1
        if ((heap[parent] as number) >= value) break
        heap[i] = heap[parent] as number
        i = parent
      }
      heap[i] = value
      return
    }
    if (value >= (heap[0] as number)) return
    const size = this.#size
    let i = 0
    for (;;) {
      const left = 2 * i + 1
      if (left >= size) break
      const right = left + 1
      const child = right < size && (heap[right] as number) > (heap[left] as number) ? right : left
      if ((heap[child] as number) <= value) break
      heap[i] = heap[child] as number
      i = child
    }
    heap[i] = value
  }
}
