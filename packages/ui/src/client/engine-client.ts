import type { ApiInput, ApiMethod, ApiOutput, ExportJob, QueryRunInput, TableRunInput } from '@idw/engine/api'
import type { RecordBatch, Schema } from 'apache-arrow'

/**
 * A query result as it streams in: the schema (known before the first batch) and the RecordBatches in order.
 *
 * Iterating `batches` reads the transport incrementally; the first batch is yielded before the last one has
 * arrived. Aborting the signal given to `openQuery` ends the iteration with an `AbortError`.
 */
export interface QueryStream {
  schema: Schema
  batches: AsyncIterable<RecordBatch>
  /** Bytes of the Arrow IPC stream received so far, counted as they arrive; absent when the transport cannot tell. */
  receivedBytes?: () => number
}

/**
 * The UI's only way to reach the engine. One implementation per transport: `HttpEngineClient` (web host,
 * `/api/v1/*`, session cookie) and `IpcEngineClient` (Electron preload bridge `window.idw`).
 *
 * Every method rejects with an `EngineClientError` carrying the engine's `{ code, message, detail }`, or
 * `TRANSPORT_FAILED` / `BAD_RESPONSE` when the transport itself failed.
 */
export interface EngineClient {
  /** Which transport this client uses, for display. */
  readonly kind: 'http' | 'ipc'

  /** Calls a JSON method of the engine API (`hub/status`, `catalog/get`, `query/cancel`, `export/start`…). */
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>

  /**
   * Starts `query/run` and resolves once the Arrow IPC stream's schema has been read.
   * Give `input.queryId` to be able to cancel it with `query/cancel` and read `query/status` afterwards.
   */
  openQuery(input: QueryRunInput, signal: AbortSignal): Promise<QueryStream>

  /**
   * Starts `table/select` (a filter-built select on one table: `{ table, select, queryId?, maxRows? }`) and
   * resolves once its Arrow IPC stream's schema has been read; cancel and status work as for `openQuery`.
   */
  openTableSelect(input: TableRunInput, signal: AbortSignal): Promise<QueryStream>

  /**
   * Saves a finished export job's file on the user's machine (browser download): `file` (one of the job's
   * `files[].name` or its manifest), else the job's only file under `job.fileName`.
   */
  downloadExport(job: Pick<ExportJob, 'jobId' | 'fileName'>, file?: string): Promise<void>

  /** A same-origin URL of an export file for a plain `<a download>` link; absent when the transport has none (IPC). */
  exportFileUrl?(jobId: string, file: string): string
}
