import { randomUUID } from 'node:crypto'
import type { Logger } from 'pino'
import { EngineError } from './contract/errors.js'
import { ARROW_STREAM_MIME, type QueryRunInput } from './contract/query.js'
import type { StreamResponse } from './contract/methods.js'
import type { HubStatus } from './contract/hub.js'
import type { EngineOptions } from './engine-options.js'
import { toErrorBody } from './error-body.js'
import { ExportJobs } from './export-jobs.js'
import { QueryRegistry } from './query-registry.js'
import { createRouter, type ApiHandlers, type Router, type StreamHandlers } from './router.js'
import { startHub, type Hub } from '../hub/index.js'
import { readCatalog } from '../catalog/index.js'
import { applySources, loadSourcesConfig, type SourcesConfig } from '../sources/index.js'
import { ensureDemoWorkspace } from '../demo/index.js'
import { encodeArrowIpcStream, openQueryStream, type QueryStream } from '../exec/index.js'

/** `GET /health` answer. */
export interface EngineHealth {
  status: 'ok' | 'degraded'
  hub: Pick<HubStatus, 'status' | 'kind' | 'version'>
}

/**
 * The engine facade: starts the hub, applies the sources (the config file's and, by default, the demo
 * workspace's), and implements every API method. Hosts reach it only through `router`.
 */
export class Engine {
  readonly router: Router
  readonly #queries = new QueryRegistry()
  readonly #exports: ExportJobs

  private constructor(
    private readonly hub: Hub,
    private readonly logger: Logger,
    options: EngineOptions,
  ) {
    this.#exports = new ExportJobs(hub.pool, options.exportDir, (err) => toErrorBody(err, logger))
    this.router = createRouter(this.#handlers(), this.#streamHandlers())
  }

  /**
   * Starts the hub (embedded or external) and sets up the sources. With no config file, or one saying
   * `demo: true`, the demo workspace is loaded (once) and applied beside the file's sources. A source that
   * fails to set up is logged and left out; the others still start.
   * @throws EngineError `HUB_START_FAILED` / `HUB_UNAVAILABLE` (hub), `CONFIG_INVALID` (config file),
   *   `HUB_QUERY_FAILED` when the hub's metadata cannot be read.
   */
  static async start(options: EngineOptions, logger: Logger): Promise<Engine> {
    const config: SourcesConfig | null = options.configPath ? await loadSourcesConfig(options.configPath) : null
    const hub = await startHub({ url: options.hubUrl, dataDir: options.dataDir, logger })
    try {
      const wantsDemo = config === null || config.demo === true
      const demo = wantsDemo ? await ensureDemoWorkspace(hub, logger) : null
      const sources = { ...(demo?.sources ?? {}), ...(config?.sources ?? {}) }
      const results = await applySources(hub.pool, { ...(config ?? {}), sources }, { logger })
      for (const result of results) {
        if (result.error) logger.error({ source: result.name, code: result.error.code }, result.error.message)
      }
      return new Engine(hub, logger, options)
    } catch (err) {
      await hub.stop()
      throw err
    }
  }

  /**
   * The short health answer of `GET /health`: `ok` when the hub is ready, else `degraded`; the hub's state,
   * kind and version only (no paths, no connection details).
   */
  async health(): Promise<EngineHealth> {
    const hub = await this.hub.status()
    return { status: hub.status === 'ready' ? 'ok' : 'degraded', hub: { status: hub.status, kind: hub.kind, version: hub.version } }
  }

  /** Cancels running queries and exports, then stops the hub (an embedded one shuts down cleanly). */
  async close(): Promise<void> {
    this.#queries.cancelAll()
    await this.#exports.cancelAll()
    await this.hub.stop()
  }

  #handlers(): ApiHandlers {
    return {
      'hub/status': () => this.hub.status(),
      'catalog/get': () => readCatalog(this.hub.pool),
      'query/cancel': async ({ queryId }) => ({ canceled: this.#queries.cancel(queryId) }),
      'query/status': async ({ queryId }) => {
        const status = this.#queries.status(queryId)
        if (!status) throw new EngineError('NOT_FOUND', `no query with id ${queryId}`)
        return status
      },
      'export/start': (input) => this.#exports.start(input),
      'export/status': async ({ jobId }) => this.#exports.status(jobId),
      'export/cancel': ({ jobId }) => this.#exports.cancel(jobId),
      'export/wait': ({ jobId }) => this.#exports.wait(jobId),
      'export/list': async () => ({ jobs: this.#exports.list() }),
    }
  }

  #streamHandlers(): StreamHandlers {
    return {
      'query/run': (input) => this.#runQuery(input),
      'export/download': ({ jobId }) => this.#exports.download(jobId),
    }
  }

  /**
   * Opens the query (errors such as a syntax error surface here, before any byte is sent) and answers its Arrow
   * IPC stream. Progress and the end state are recorded in the query registry under the query id.
   */
  async #runQuery(input: QueryRunInput): Promise<StreamResponse> {
    const queryId = input.queryId ?? randomUUID()
    const maxRows = input.maxRows ?? null
    const signal = this.#queries.start(queryId, maxRows)
    let stream: QueryStream
    try {
      stream = await openQueryStream(this.hub.pool, input.sql, { signal, maxRows, timeoutMs: input.timeoutMs })
    } catch (err) {
      this.#finishWithError(queryId, err, signal)
      throw err
    }
    return { contentType: ARROW_STREAM_MIME, streamId: queryId, body: this.#trackedIpc(queryId, stream, signal) }
  }

  async *#trackedIpc(queryId: string, stream: QueryStream, signal: AbortSignal): AsyncGenerator<Uint8Array> {
    try {
      yield* encodeArrowIpcStream(stream, (rows, bytes) => this.#queries.addBatch(queryId, rows, bytes))
      this.#queries.finish(queryId, 'done', { truncated: stream.truncated })
    } catch (err) {
      this.#finishWithError(queryId, err, signal)
      throw err
    } finally {
      await stream.close()
      this.#queries.finish(queryId, 'canceled', {})
    }
  }

  #finishWithError(queryId: string, err: unknown, signal: AbortSignal): void {
    const body = toErrorBody(err, this.logger)
    this.#queries.finish(queryId, signal.aborted || body.code === 'QUERY_CANCELED' ? 'canceled' : 'failed', { error: body })
  }
}
