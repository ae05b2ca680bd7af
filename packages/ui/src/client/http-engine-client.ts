import type { ApiInput, ApiMethod, ApiOutput, ExportJob, QueryRunInput, TableRunInput } from '@idw/engine/api'
import { RecordBatchReader, Schema } from 'apache-arrow'
import { EngineClientError } from './client-error'
import { errorFromHttpBody, isAbortError, toClientError } from './client-error.utils'
import type { EngineClient, QueryStream } from './engine-client'
import { triggerDownload } from './trigger-download'

/**
 * The engine client of the web host: same-origin HTTP, authenticated by the host's session cookie.
 *
 * - JSON methods: `POST <baseUrl>/<method>` with the input as JSON body → the output as JSON.
 * - `query/run`: `POST <baseUrl>/query` → an Arrow IPC stream (`application/vnd.apache.arrow.stream`) read
 *   incrementally with `RecordBatchReader`; `table/select` the same at `POST <baseUrl>/table/select`.
 * - Export files: `GET <baseUrl>/export/download?jobId=<id>[&file=<name>]`, saved through a temporary
 *   `<a download>`.
 *
 * Failures: the host's `{ error: { code, message, detail } }` body (status ≥ 400) becomes an
 * `EngineClientError` with the same fields; a failed fetch is `TRANSPORT_FAILED`.
 */
export class HttpEngineClient implements EngineClient {
  readonly kind = 'http'

  constructor(
    private readonly baseUrl = '/api/v1',
    private readonly fetchFn: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  async call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
    const response = await this.post(method, input)
    try {
      return (await response.json()) as ApiOutput<M>
    } catch (cause) {
      throw new EngineClientError('BAD_RESPONSE', `The answer of ${method} is not JSON`, undefined, { cause })
    }
  }

  async openQuery(input: QueryRunInput, signal: AbortSignal): Promise<QueryStream> {
    return this.openArrowStream('query', input, signal)
  }

  async openTableSelect(input: TableRunInput, signal: AbortSignal): Promise<QueryStream> {
    return this.openArrowStream('table/select', input, signal)
  }

  /** Posts `input` to `<baseUrl>/<path>` and reads the answer as an Arrow IPC stream, counting its bytes. */
  private async openArrowStream(path: string, input: unknown, signal: AbortSignal): Promise<QueryStream> {
    const response = await this.post(path, input, signal)
    if (response.body === null) throw new EngineClientError('BAD_RESPONSE', 'The query answer has no body')
    try {
      let received = 0
      const counted = response.body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            received += chunk.byteLength
            controller.enqueue(chunk)
          },
        }),
      )
      const reader = await RecordBatchReader.from(counted)
      await reader.open()
      return {
        schema: (reader.schema as Schema | undefined) ?? new Schema([]),
        batches: reader,
        receivedBytes: () => received,
      }
    } catch (error) {
      if (isAbortError(error)) throw error
      throw toClientError(error)
    }
  }

  async downloadExport(job: Pick<ExportJob, 'jobId' | 'fileName'>, file?: string): Promise<void> {
    const url = `${this.baseUrl}/export/download?jobId=${encodeURIComponent(job.jobId)}`
    triggerDownload(file === undefined ? url : this.exportFileUrl(job.jobId, file), file ?? job.fileName)
  }

  exportFileUrl(jobId: string, file: string): string {
    return `${this.baseUrl}/export/download?jobId=${encodeURIComponent(jobId)}&file=${encodeURIComponent(file)}`
  }

  private async post(path: string, input: unknown, signal?: AbortSignal): Promise<Response> {
    let response: Response
    try {
      response = await this.fetchFn(`${this.baseUrl}/${path}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
        ...(signal === undefined ? {} : { signal }),
      })
    } catch (error) {
      if (isAbortError(error)) throw error
      throw toClientError(error)
    }
    if (!response.ok) throw errorFromHttpBody(response.status, response.statusText, await response.text())
    return response
  }
}
