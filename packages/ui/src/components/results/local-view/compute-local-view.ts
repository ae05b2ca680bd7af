import type { DataType, RecordBatch, Schema } from 'apache-arrow'
import { extractColumnKeys } from './column-keys.utils'
import { compileFilter } from './filter-constant.utils'
import type { ColumnKeys, CompiledFilter, LocalViewSpec, ViewIndexRequest } from './local-view.types'
import { buildViewIndex } from './view-index.utils'

/** Why a local view could not be built, in words for the user (a filter value that does not fit its column…). */
export class LocalViewError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LocalViewError'
  }
}

/**
 * Builds the local view index of the first `rowCount` loaded rows: the rows passing `spec.filters`, in
 * `spec.sort` order (see `buildViewIndex`). The columns involved are flattened on this thread (one copy of each,
 * O(rows)), then filtered and sorted in a Web Worker so the page stays responsive (about 0.8 s per 3 M rows
 * sorted); without `Worker` (tests), or when the worker script cannot load (a `file://` page), it runs here.
 * Aborting `signal` terminates the worker.
 * @throws LocalViewError when a filter does not apply to its column or a column cannot be sorted locally;
 *   DOMException `AbortError` when aborted.
 */
export async function computeLocalView(
  batches: readonly RecordBatch[],
  schema: Schema,
  rowCount: number,
  spec: LocalViewSpec,
  signal: AbortSignal,
): Promise<Uint32Array> {
  const typeOf = (column: number): DataType => {
    const field = schema.fields[column]
    if (field === undefined) throw new LocalViewError(`the result has no column ${column + 1}`)
    return field.type
  }
  const filters: CompiledFilter[] = spec.filters.map((filter) => {
    const compiled = compileFilter(filter, typeOf(filter.column))
    if ('error' in compiled) throw new LocalViewError(`${schema.fields[filter.column]?.name}: ${compiled.error}`)
    return compiled
  })
  const needed = new Set([...filters.map((filter) => filter.column), ...(spec.sort ? [spec.sort.column] : [])])
  const request = async (): Promise<ViewIndexRequest> => {
    const columns: Record<number, ColumnKeys> = {}
    for (const column of needed) {
      await nextTask()
      signal.throwIfAborted()
      const keys = extractColumnKeys(batches, column, rowCount)
      if (keys === null)
        throw new LocalViewError(
          `${schema.fields[column]?.name} (${String(typeOf(column))}) cannot be sorted or filtered locally`,
        )
      columns[column] = keys
    }
    return { rowCount, filters, sort: spec.sort, columns }
  }
  if (typeof Worker === 'undefined') return buildViewIndex(await request())
  try {
    return await runInWorker(await request(), signal)
  } catch (error) {
    if (!(error instanceof WorkerUnavailable)) throw error
    return buildViewIndex(await request())
  }
}

/** The worker script could not start; the keys it was sent are gone (transferred), so they are taken again. */
class WorkerUnavailable extends Error {}

function runInWorker(request: ViewIndexRequest, signal: AbortSignal): Promise<Uint32Array> {
  const worker = new Worker(new URL('./local-view.worker.ts', import.meta.url), { type: 'module' })
  return new Promise<Uint32Array>((resolve, reject) => {
    const stop = (): void => {
      worker.terminate()
      reject(signal.reason ?? new DOMException('aborted', 'AbortError'))
    }
    signal.addEventListener('abort', stop, { once: true })
    let answered = false
    worker.onmessage = (event: MessageEvent<{ index?: Uint32Array; error?: string }>) => {
      answered = true
      signal.removeEventListener('abort', stop)
      worker.terminate()
      if (event.data.index !== undefined) resolve(event.data.index)
      else reject(new LocalViewError(event.data.error ?? 'the local view failed'))
    }
    worker.onerror = (event) => {
      signal.removeEventListener('abort', stop)
      worker.terminate()
      reject(
        answered
          ? new LocalViewError(event.message || 'the local view worker failed')
          : new WorkerUnavailable(event.message),
      )
    }
    worker.postMessage(request, transferables(request))
  })
}

function transferables(request: ViewIndexRequest): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = []
  for (const keys of Object.values(request.columns)) {
    if (keys.nulls) buffers.push(keys.nulls.buffer as ArrayBuffer)
    if (keys.kind === 'number') buffers.push(keys.values.buffer as ArrayBuffer)
    else if (keys.kind === 'words') buffers.push(keys.words.buffer as ArrayBuffer)
    else buffers.push(keys.offsets.buffer as ArrayBuffer, keys.data.buffer as ArrayBuffer)
  }
  return buffers
}

/** Yields to the event loop so a long preparation does not freeze the page. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}
