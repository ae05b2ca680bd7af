/** Test support for the store tests: an in-memory `EngineClient` and fixtures (not part of the app). */
import type {
  ApiInput,
  ApiMethod,
  ApiOutput,
  ExportJob,
  QueryRunInput,
  QueryStatus,
  TableRunInput,
} from '@idw/engine/api'
import { DEFAULT_GRID_ROW_CAP } from '@idw/engine/api'
import { Int32, Table, Utf8, vectorFromArray } from 'apache-arrow'
import type { RecordBatch } from 'apache-arrow'
import { EngineClientError } from '../../client/client-error'
import type { EngineClient, QueryStream } from '../../client/engine-client'

/** Three batches of 2 + 2 + 1 rows: (state text, flights int). */
function threeBatches(): RecordBatch[] {
  const table = new Table({
    state: vectorFromArray(['CA', 'TX', 'FL', 'NY', 'IL'], new Utf8()),
    flights: vectorFromArray([5, 4, 3, 2, 1], new Int32()),
  })
  return [table.slice(0, 2), table.slice(2, 4), table.slice(4)].flatMap((part: Table) => part.batches)
}

type Handler = (input: never) => unknown

/** An in-memory engine client: JSON answers by method, a scripted query stream, recorded calls. */
export class ScriptedClient implements EngineClient {
  readonly kind = 'http'
  readonly calls: { method: string; input: unknown }[] = []
  readonly queries: QueryRunInput[] = []
  readonly tableSelects: TableRunInput[] = []
  readonly downloads: string[] = []
  batches: RecordBatch[] = threeBatches()
  /** When set, the stream waits for it before each batch after the first. */
  gate: Promise<void> | null = null
  openError: Error | null = null

  constructor(private readonly handlers: Partial<Record<ApiMethod, Handler>> = {}) {}

  async call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
    this.calls.push({ method, input })
    const handler = this.handlers[method]
    if (handler === undefined) throw new EngineClientError('NOT_FOUND', `no handler for ${method}`)
    return (await handler(input as never)) as ApiOutput<M>
  }

  async openQuery(input: QueryRunInput, signal: AbortSignal): Promise<QueryStream> {
    this.queries.push(input)
    return this.stream(signal)
  }

  async openTableSelect(input: TableRunInput, signal: AbortSignal): Promise<QueryStream> {
    this.tableSelects.push(input)
    return this.stream(signal)
  }

  private async stream(signal: AbortSignal): Promise<QueryStream> {
    if (this.openError) throw this.openError
    const { batches, gate } = this
    async function* stream(): AsyncGenerator<RecordBatch> {
      for (const [index, batch] of batches.entries()) {
        if (index > 0 && gate) await Promise.race([gate, abortPromise(signal)])
        yield batch
      }
    }
    return { schema: batches[0]!.schema, batches: stream() }
  }

  async downloadExport(job: Pick<ExportJob, 'jobId' | 'fileName'>, file?: string): Promise<void> {
    this.downloads.push(file ?? job.fileName)
  }

  methods(): string[] {
    return this.calls.map((call) => call.method)
  }
}

function abortPromise(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) =>
    signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true }),
  )
}

/** A finished `QueryStatus` (5 rows, not truncated) with `overrides` applied (tests only). */
export function queryStatus(overrides: Partial<QueryStatus>): QueryStatus {
  return {
    queryId: 'q',
    state: 'done',
    rows: 5,
    bytes: 100,
    truncated: false,
    maxRows: DEFAULT_GRID_ROW_CAP,
    elapsedMs: 12,
    firstBatchMs: 3,
    error: null,
    ...overrides,
  }
}

/** A finished one-file CSV `ExportJob` with `overrides` applied (tests only). */
export function exportJob(overrides: Partial<ExportJob>): ExportJob {
  return {
    jobId: 'job-1',
    state: 'running',
    format: 'csv',
    fileName: 'export-1.csv',
    rows: 0,
    bytes: 0,
    startedAt: '2025-01-01T00:00:00Z',
    elapsedMs: 0,
    error: null,
    ...overrides,
  }
}
