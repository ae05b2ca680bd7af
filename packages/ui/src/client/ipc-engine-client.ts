import type { ApiInput, ApiMethod, ApiOutput, ExportJob, QueryRunInput, TableRunInput } from '@idw/engine/api'
import { RecordBatchReader, Schema } from 'apache-arrow'
import { isAbortError, toClientError } from './client-error.utils'
import type { EngineClient, QueryStream } from './engine-client'
import type { IdwBridge } from './ipc-bridge'
import { triggerDownload } from './trigger-download'

/** How long an export's object URL stays valid after the download started. ms. */
const OBJECT_URL_LIFETIME_MS = 60_000

/**
 * The engine client of the Electron app, over the preload bridge `window.idw` (see `IdwBridge`).
 *
 * `query/run` and `export/download` are stream methods: chunks are pulled with `readStream` until `null`;
 * aborting a query closes its stream. Bridge rejections `{ code, message, detail }` become `EngineClientError`s.
 */
export class IpcEngineClient implements EngineClient {
  readonly kind = 'ipc'

  constructor(private readonly bridge: IdwBridge) {}

  async call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
    try {
      return (await this.bridge.call(method, input)) as ApiOutput<M>
    } catch (error) {
      throw toClientError(error)
    }
  }

  async openQuery(input: QueryRunInput, signal: AbortSignal): Promise<QueryStream> {
    return this.openArrowStream('query/run', input, signal)
  }

  async openTableSelect(input: TableRunInput, signal: AbortSignal): Promise<QueryStream> {
    return this.openArrowStream('table/select', input, signal)
  }

  /** Opens stream method `method` on the bridge and reads it as an Arrow IPC stream, counting its bytes. */
  private async openArrowStream(method: string, input: unknown, signal: AbortSignal): Promise<QueryStream> {
    try {
      const { streamId } = await this.bridge.openStream(method, input)
      const counter = { bytes: 0 }
      const reader = await RecordBatchReader.from(readBridgeStream(this.bridge, streamId, signal, counter))
      await reader.open()
      return {
        schema: (reader.schema as Schema | undefined) ?? new Schema([]),
        batches: reader,
        receivedBytes: () => counter.bytes,
      }
    } catch (error) {
      if (isAbortError(error)) throw error
      throw toClientError(error)
    }
  }

  async downloadExport(job: Pick<ExportJob, 'jobId' | 'fileName'>, file?: string): Promise<void> {
    let blob: Blob
    try {
      const input = file === undefined ? { jobId: job.jobId } : { jobId: job.jobId, file }
      const stream = await this.bridge.openStream('export/download', input)
      const chunks: Uint8Array<ArrayBuffer>[] = []
      for await (const chunk of readBridgeStream(this.bridge, stream.streamId)) chunks.push(new Uint8Array(chunk))
      blob = new Blob(chunks, { type: stream.contentType })
    } catch (error) {
      throw toClientError(error)
    }
    const url = URL.createObjectURL(blob)
    triggerDownload(url, file ?? job.fileName)
    setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS)
  }
}

/**
 * Pulls a bridge stream chunk by chunk, adding each chunk's size to `counter.bytes` when given. Stopping early
 * (a `break`, an error, an aborted `signal`) closes the stream on the host; an aborted signal ends the
 * iteration with an `AbortError`.
 */
async function* readBridgeStream(
  bridge: IdwBridge,
  streamId: string,
  signal?: AbortSignal,
  counter?: { bytes: number },
): AsyncGenerator<Uint8Array> {
  let finished = false
  const close = (): void => void bridge.closeStream(streamId).catch(() => undefined)
  signal?.addEventListener('abort', close, { once: true })
  try {
    for (;;) {
      signal?.throwIfAborted()
      const chunk = await bridge.readStream(streamId)
      signal?.throwIfAborted()
      if (chunk === null) break
      if (counter !== undefined) counter.bytes += chunk.byteLength
      yield chunk
    }
    finished = true
  } finally {
    signal?.removeEventListener('abort', close)
    if (!finished) close()
  }
}
