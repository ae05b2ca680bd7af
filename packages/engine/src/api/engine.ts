import { randomUUID } from 'node:crypto'
import type { Logger } from 'pino'
import { EngineError } from './contract/errors.js'
import { ARROW_STREAM_MIME, type QueryRunInput } from './contract/query.js'
import type { StreamResponse } from './contract/methods.js'
import type { HubStatus } from './contract/hub.js'
import type { EngineOptions } from './engine-options.js'
import { toErrorBody } from './error-body.js'
import { ExportJobs, type DatasetContext } from '../export/index.js'
import { QueryRegistry } from './query-registry.js'
import { createRouter, type ApiHandlers, type Router, type StreamHandlers } from './router.js'
import { startHub, type Hub } from '../hub/index.js'
import { readCatalog } from '../catalog/index.js'
import {
  applySources,
  loadSourcesConfig,
  SourceService,
  type ApplyOptions,
  type ApplyReport,
  type SourcesConfig,
} from '../sources/index.js'
import { demoSourcesConfig, ensureDemoWorkspace } from '../demo/index.js'
import { encodeArrowIpcStream, openQueryStream, type QueryStream } from '../exec/index.js'
import { Workbench } from '../workbench/index.js'

/**
 * The sources a hub should have: the config file's, plus the demo workspace's when there is no file or it says
 * `demo: true` (a file's source wins over a demo source of the same name). Loads the demo data once, unless
 * `dryRun`, which only plans.
 */
async function workspaceConfig(
  hub: Hub,
  config: SourcesConfig | null,
  logger: Logger,
  dryRun = false,
): Promise<SourcesConfig> {
  const wantsDemo = config === null || config.demo === true
  const demo = !wantsDemo ? {} : dryRun ? demoSourcesConfig(hub) : (await ensureDemoWorkspace(hub, logger)).sources
  return { ...(config ?? {}), sources: { ...demo, ...(config?.sources ?? {}) } }
}

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
  /** Filters, plans and table reads on the hub: the library API (`lazyLoadTable`, `buildSelectQuery`…). */
  readonly workbench: Workbench
  readonly #queries = new QueryRegistry()
  readonly #exports: ExportJobs
  readonly #sources: SourceService

  private constructor(
    private readonly hub: Hub,
    private readonly logger: Logger,
    options: EngineOptions,
  ) {
    this.#exports = new ExportJobs(hub.pool, options.exportDir, (err) => toErrorBody(err, logger))
    this.workbench = new Workbench(hub.pool)
    this.#sources = new SourceService({ pool: hub.pool, dataDir: options.dataDir, logger })
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
      const results = await applySources(hub.pool, await workspaceConfig(hub, config, logger), { logger })
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
   * `idw apply`: connects to (or starts) the hub, plans the config file's sources (and the demo's with
   * `demo: true`) against what the hub has, and applies the difference — or, with `dryRun`, runs nothing and
   * answers the plan. The hub is stopped before this returns; failures of a source are in its result.
   * @throws EngineError `BAD_INPUT` without a config file; `CONFIG_INVALID`; `HUB_UNAVAILABLE` /
   *   `HUB_START_FAILED`; `HUB_QUERY_FAILED`.
   */
  static async applyConfig(
    options: EngineOptions,
    apply: Pick<ApplyOptions, 'dryRun' | 'forceRefresh' | 'prune'>,
    logger: Logger,
  ): Promise<ApplyReport> {
    if (!options.configPath)
      throw new EngineError('BAD_INPUT', 'idw apply needs a config file: --config FILE or IDW_CONFIG')
    const config = await loadSourcesConfig(options.configPath)
    const hub = await startHub({ url: options.hubUrl, dataDir: options.dataDir, logger })
    try {
      const desired = await workspaceConfig(hub, config, logger, apply.dryRun === true)
      const results = await applySources(hub.pool, desired, { ...apply, logger })
      return { dryRun: apply.dryRun === true, results }
    } finally {
      await hub.stop()
    }
  }

  /**
   * The short health answer of `GET /health`: `ok` when the hub is ready, else `degraded`; the hub's state,
   * kind and version only (no paths, no connection details).
   */
  async health(): Promise<EngineHealth> {
    const hub = await this.hub.status()
    return {
      status: hub.status === 'ready' ? 'ok' : 'degraded',
      hub: { status: hub.status, kind: hub.kind, version: hub.version },
    }
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
      'query/build': (input) => this.workbench.buildQuery(input),
      'plan/explain': (input) => this.workbench.explain(input),
      'plan/parse': ({ text }) => this.workbench.analyzePlanText(text),
      'export/start': async (input) => this.#exports.start(input, await this.#datasetContext()),
      'export/status': async ({ jobId }) => this.#exports.status(jobId),
      'export/cancel': ({ jobId }) => this.#exports.cancel(jobId),
      'export/wait': ({ jobId }) => this.#exports.wait(jobId),
      'export/list': async () => ({ jobs: this.#exports.list() }),
      'sources/types': () => this.#sources.types(),
      'sources/parse-uri': async (input) => this.#sources.parseUri(input),
      'sources/list': () => this.#sources.list(),
      'sources/test': (input) => this.#sources.test(input),
      'sources/remote-tables': (input) => this.#sources.remoteTables(input),
      'sources/add': (input) => this.#sources.add(input),
      'sources/refresh': (input) => this.#sources.refresh(input),
      'sources/remove': (input) => this.#sources.remove(input),
    }
  }

  /** Hub version and the configured sources with their FDW, recorded in every export's manifest. */
  async #datasetContext(): Promise<DatasetContext> {
    const [hub, catalog] = await Promise.all([this.hub.status(), readCatalog(this.hub.pool)])
    return {
      hubVersion: hub.version,
      sources: catalog.sources.map((source) => ({ name: source.name, extension: source.fdw, version: null })),
    }
  }

  #streamHandlers(): StreamHandlers {
    return {
      'query/run': (input) => this.#runQuery(input),
      'table/select': async (input) => {
        const { sql, parameters } = await this.workbench.compileSelect(input.table, input.select)
        return this.#runQuery({ ...input, sql }, parameters)
      },
      'export/download': ({ jobId, file }) => this.#exports.download(jobId, file),
    }
  }

  /**
   * Opens the query (errors such as a syntax error surface here, before any byte is sent) and answers its Arrow
   * IPC stream. Progress and the end state are recorded in the query registry under the query id. `parameters`
   * are bound to the statement's `$n` (a filter-built query of `table/select`).
   */
  async #runQuery(input: QueryRunInput, parameters?: readonly unknown[]): Promise<StreamResponse> {
    const queryId = input.queryId ?? randomUUID()
    const maxRows = input.maxRows ?? null
    const signal = this.#queries.start(queryId, maxRows)
    let stream: QueryStream
    try {
      const { timeoutMs } = input
      stream = await openQueryStream(this.hub.pool, input.sql, { signal, maxRows, timeoutMs, parameters })
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
    this.#queries.finish(queryId, signal.aborted || body.code === 'QUERY_CANCELED' ? 'canceled' : 'failed', {
      error: body,
    })
  }
}
