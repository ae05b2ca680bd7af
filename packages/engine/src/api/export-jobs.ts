import { randomUUID } from 'node:crypto'
import { mkdir, stat } from 'node:fs/promises'
import { createReadStream } from 'node:fs'
import path from 'node:path'
import type pg from 'pg'
import { EngineError, type EngineErrorCode, type ErrorBody } from './contract/errors.js'
import type { ExportJob, ExportStartInput } from './contract/export.js'
import type { StreamResponse } from './contract/methods.js'
import { openQueryStream, type QueryStream } from '../exec/index.js'
import { writeExportFile } from '../export/index.js'

const EXTENSION = { csv: 'csv', parquet: 'parquet' } as const
const MIME = { csv: 'text/csv; charset=utf-8', parquet: 'application/vnd.apache.parquet' } as const

interface JobEntry {
  job: ExportJob
  startedAt: number
  controller: AbortController
  done: Promise<void>
}

/** Converts a thrown value into the `{ code, message }` an export job reports. */
export type ErrorToBody = (err: unknown) => ErrorBody

/**
 * Export jobs: each runs one query to completion into a file of `exportDir`, in the background, with progress
 * (rows, bytes) readable while it runs; it can be canceled. The file appears under its final name only when
 * complete (the export room writes a temporary file and renames it).
 */
export class ExportJobs {
  readonly #jobs = new Map<string, JobEntry>()

  constructor(
    private readonly pool: pg.Pool,
    private readonly exportDir: string,
    private readonly errorToBody: ErrorToBody,
  ) {}

  /** Starts an export job and answers its first status. */
  async start(input: ExportStartInput): Promise<ExportJob> {
    await mkdir(this.exportDir, { recursive: true })
    const jobId = randomUUID()
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    const fileName = input.fileName ?? `export-${stamp}.${EXTENSION[input.format]}`
    const controller = new AbortController()
    const job: ExportJob = {
      jobId,
      state: 'running',
      format: input.format,
      fileName,
      rows: 0,
      bytes: 0,
      startedAt: new Date().toISOString(),
      elapsedMs: 0,
      error: null,
    }
    const entry: JobEntry = { job, startedAt: performance.now(), controller, done: Promise.resolve() }
    entry.done = this.#run(entry, input)
    this.#jobs.set(jobId, entry)
    return this.status(jobId)
  }

  async #run(entry: JobEntry, input: ExportStartInput): Promise<void> {
    const { job, controller } = entry
    let stream: QueryStream | undefined
    try {
      stream = await openQueryStream(this.pool, input.sql, { signal: controller.signal, maxRows: null, timeoutMs: 0 })
      const result = await writeExportFile(stream.schema, stream.batches(), {
        format: input.format,
        path: path.join(this.exportDir, job.fileName),
        compression: input.compression,
        rowGroupRows: input.rowGroupRows,
        signal: controller.signal,
        onProgress: (p) => {
          job.rows = p.rows
          job.bytes = p.bytes
        },
      })
      job.rows = result.rows
      job.bytes = result.bytes
      job.state = 'done'
    } catch (err) {
      const body = this.errorToBody(err)
      job.state = controller.signal.aborted ? 'canceled' : 'failed'
      job.error = { code: body.code, message: body.message }
    } finally {
      await stream?.close()
      job.elapsedMs = performance.now() - entry.startedAt
    }
  }

  /**
   * The job's status; elapsed ms is live while it runs.
   * @throws EngineError `NOT_FOUND` for an unknown job id.
   */
  status(jobId: string): ExportJob {
    const entry = this.#get(jobId)
    const job = { ...entry.job }
    if (job.state === 'running') job.elapsedMs = performance.now() - entry.startedAt
    return job
  }

  /** Waits until the job ends and answers its final status. @throws EngineError `NOT_FOUND`. */
  async wait(jobId: string): Promise<ExportJob> {
    await this.#get(jobId).done
    return this.status(jobId)
  }

  /** Cancels a running job (no file is left) and answers its final status. @throws EngineError `NOT_FOUND`. */
  async cancel(jobId: string): Promise<ExportJob> {
    const entry = this.#get(jobId)
    entry.controller.abort()
    await entry.done
    return this.status(jobId)
  }

  /** Every job of this engine run, newest first. */
  list(): ExportJob[] {
    return [...this.#jobs.keys()].reverse().map((id) => this.status(id))
  }

  /**
   * The finished file as a byte stream with its length and name.
   * @throws EngineError `NOT_FOUND` for an unknown job; the job's own error when it failed or was canceled;
   *   `EXPORT_FAILED` while it still runs.
   */
  async download(jobId: string): Promise<StreamResponse> {
    const { job } = this.#get(jobId)
    if (job.error !== null) throw new EngineError(job.error.code as EngineErrorCode, job.error.message)
    if (job.state !== 'done') {
      throw new EngineError('EXPORT_FAILED', `export ${jobId} is ${job.state}; only a finished export can be downloaded`)
    }
    const file = path.join(this.exportDir, job.fileName)
    const info = await stat(file).catch((err: unknown) => {
      throw new EngineError('NOT_FOUND', `the file of export ${jobId} is gone from ${this.exportDir}`, undefined, { cause: err })
    })
    return { contentType: MIME[job.format], contentLength: info.size, fileName: job.fileName, body: createReadStream(file) }
  }

  /** Cancels every running job (engine shutdown) and waits for them to clean up. */
  async cancelAll(): Promise<void> {
    const running = [...this.#jobs.values()].filter((e) => e.job.state === 'running')
    for (const entry of running) entry.controller.abort()
    await Promise.all(running.map((e) => e.done))
  }

  #get(jobId: string): JobEntry {
    const entry = this.#jobs.get(jobId)
    if (!entry) throw new EngineError('NOT_FOUND', `no export job with id ${jobId}`)
    return entry
  }
}
