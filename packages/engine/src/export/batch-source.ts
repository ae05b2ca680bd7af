import type { RecordBatch } from 'apache-arrow'
import { EngineError } from '../api/contract/errors.js'

/** The error of a canceled export. */
export function exportCanceled(): EngineError {
  return new EngineError('EXPORT_CANCELED', 'the export was canceled; no file was written')
}

/**
 * The batches of a result, read one at a time, with cancel.
 *
 * `next()` settles as soon as `signal` aborts, even while the iterator is still waiting for the hub. An error
 * thrown by the iterator itself is remembered, so the export can let it through unchanged (`isOwnError`).
 */
export class BatchSource {
  readonly #iterator: AsyncIterator<RecordBatch>
  readonly #signal: AbortSignal | undefined
  #finished = false
  #waiting = false
  #failure: { error: unknown } | undefined

  constructor(batches: AsyncIterable<RecordBatch>, signal?: AbortSignal) {
    this.#iterator = batches[Symbol.asyncIterator]()
    this.#signal = signal
  }

  /** True once `signal` has aborted. */
  get canceled(): boolean {
    return this.#signal?.aborted === true
  }

  /**
   * The next batch, or `undefined` after the last one.
   * @throws EngineError `EXPORT_CANCELED` when `signal` aborted; the iterator's own error unchanged.
   */
  async next(): Promise<RecordBatch | undefined> {
    this.throwIfCanceled()
    if (this.#finished) return undefined
    let result: IteratorResult<RecordBatch>
    this.#waiting = true
    try {
      result = await this.#untilCanceled(this.#iterator.next())
    } catch (error) {
      if (!this.canceled) {
        this.#finished = true
        this.#failure = { error }
      }
      throw error
    } finally {
      this.#waiting = false
    }
    if (result.done === true) {
      this.#finished = true
      return undefined
    }
    return result.value
  }

  /** @throws EngineError `EXPORT_CANCELED` when `signal` has aborted. */
  throwIfCanceled(): void {
    if (this.canceled) throw exportCanceled()
  }

  /** True when `error` was thrown by the batch iterator (not by the export). */
  isOwnError(error: unknown): boolean {
    return this.#failure !== undefined && this.#failure.error === error
  }

  /**
   * Stops an unfinished iterator (`return()`), so the producer closes its cursor. When the iterator may still be
   * busy with a `next()` (after a cancel, or while the Parquet writer was pulling), `return()` would wait for
   * that batch, so it is started without waiting for it. Never throws.
   */
  async close(): Promise<void> {
    if (this.#finished) return
    this.#finished = true
    const closing = Promise.resolve()
      .then(() => this.#iterator.return?.())
      .catch(() => undefined)
    if (!this.canceled && !this.#waiting) await closing
  }

  #untilCanceled<T>(promise: Promise<T>): Promise<T> {
    const signal = this.#signal
    if (signal === undefined) return promise
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(exportCanceled())
      signal.addEventListener('abort', onAbort, { once: true })
      promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
    })
  }
}
