import { randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, stat } from 'node:fs/promises'
import path from 'node:path'
import type pg from 'pg'
import { EngineError, type EngineErrorCode, type ErrorBody } from '../../api/contract/errors.js'
import type { ExportJob, ExportStartInput } from '../../api/contract/export.js'
import type { StreamResponse } from '../../api/contract/methods.js'
import { prepareStatementText } from '../../exec/sql-text.js'
import { DatasetNames } from '../dataset/dataset-names.js'
import { FORMAT_EXTENSION, FORMAT_MIME, resolveFormatSettings } from '../format-settings.js'
import type { DatasetContext } from '../manifest/dataset-context.js'
import { normalizeCastType } from '../shape/cast-type.js'
import type { ExpectedRows } from './expected-rows.js'
import { jobPercent } from './job-status.js'
import { runExportJob } from './run-export-job.js'

interface JobEntry {
  job: ExportJob
  stem: string
  startedAt: number
  expected: ExpectedRows | null
  controller: AbortController
  done: Promise<void>
}

/** Converts a thrown value into the `{ code, message }` an export job reports. */
export type ErrorToBody = (err: unknown) => ErrorBody

/**
 * Export jobs: each runs one query to completion into the files of a dataset in `exportDir` (see
 * `runDatasetExport`), in the background, with progress readable while it runs (`status`), and can be canceled.
 * Jobs live in the engine, so they go on when the browser tab that started them closes. Files appear under their
 * final names only once complete and verified, with the manifest last.
 */
export class ExportJobs {
  readonly #jobs = new Map<string, JobEntry>()

  constructor(
    private readonly pool: pg.Pool,
    private readonly exportDir: string,
    private readonly errorToBody: ErrorToBody,
  ) {}

  /**
   * Checks the input, starts an export job and answers its first status. `context` (hub and source versions,
   * principal) goes into the manifest; the hub version is asked from the hub when absent.
   * @throws EngineError `BAD_INPUT` (no or several statements, a refused cast type, a format option, or another
   *   running job writing the same stem).
   */
  async start(input: ExportStartInput, context: DatasetContext = {}): Promise<ExportJob> {
    const statement = prepareStatementText(input.sql)
    resolveFormatSettings(input)
    const cast = Object.fromEntries(
      Object.entries(input.cast ?? {}).map(([name, type]) => [name, normalizeCastType(type)]),
    )
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    const fileName = input.fileName ?? `export-${stamp}.${FORMAT_EXTENSION[input.format]}`
    const stem = new DatasetNames(fileName, input.format).stem
    if ([...this.#jobs.values()].some((entry) => entry.job.state === 'running' && entry.stem === stem)) {
      throw new EngineError(
        'BAD_INPUT',
        `an export named "${stem}" is already running; wait for it or pick another name`,
      )
    }
    await mkdir(this.exportDir, { recursive: true })
    const jobId = randomUUID()
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
      phase: 'starting',
      rowsRead: 0,
      expectedRows: null,
      expectedRowsSource: null,
      percent: null,
      files: [],
      manifestFile: null,
    }
    const entry: JobEntry = {
      job,
      stem,
      startedAt: performance.now(),
      expected: null,
      controller,
      done: Promise.resolve(),
    }
    this.#jobs.set(jobId, entry)
    entry.done = this.#run(entry, input, statement, { rename: input.rename ?? {}, cast }, context)
    return this.status(jobId)
  }

  async #run(
    entry: JobEntry,
    input: ExportStartInput,
    statement: string,
    shape: { rename: Record<string, string>; cast: Record<string, string> },
    context: DatasetContext,
  ): Promise<void> {
    const { job, controller } = entry
    try {
      const result = await runExportJob({
        pool: this.pool,
        folder: this.exportDir,
        jobId: job.jobId,
        fileName: job.fileName,
        input,
        statement,
        shape,
        context,
        signal: controller.signal,
        onProgress: (progress) => {
          job.phase = progress.phase
          job.rowsRead = progress.rowsRead
          job.rows = progress.rows
          job.bytes = progress.bytes
        },
        onExpectedRows: (expected) => {
          entry.expected = expected
        },
      })
      Object.assign(job, {
        state: 'done',
        phase: 'finished',
        rowsRead: result.rowsRead,
        rows: result.rows,
        bytes: result.bytes,
        files: result.files,
        manifestFile: result.manifestFile,
      })
    } catch (err) {
      const body = this.errorToBody(err)
      job.state = controller.signal.aborted ? 'canceled' : 'failed'
      job.error = { code: body.code, message: body.message }
    } finally {
      job.elapsedMs = performance.now() - entry.startedAt
    }
  }

  /**
   * The job's status; elapsed ms and percent are live while it runs.
   * @throws EngineError `NOT_FOUND` for an unknown job id.
   */
  status(jobId: string): ExportJob {
    const entry = this.#get(jobId)
    const job: ExportJob = { ...entry.job, files: [...(entry.job.files ?? [])] }
    if (job.state === 'running') job.elapsedMs = performance.now() - entry.startedAt
    job.expectedRows = entry.expected?.rows ?? null
    job.expectedRowsSource = entry.expected?.source ?? null
    job.percent = jobPercent(job.state, job.rowsRead ?? 0, entry.expected)
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
   * One file of a finished job as a byte stream with its length and name: `file` names one of the job's `files`
   * or its manifest; without `file`, the data file of a one-file job.
   * @throws EngineError `NOT_FOUND` for an unknown job or a file gone from the folder; the job's own error when it
   *   failed or was canceled; `EXPORT_FAILED` while it still runs; `BAD_INPUT` when `file` is not one of the
   *   job's files, or is missing for a job with several files (the message lists them).
   */
  async download(jobId: string, file?: string): Promise<StreamResponse> {
    const { job } = this.#get(jobId)
    if (job.error !== null) throw new EngineError(job.error.code as EngineErrorCode, job.error.message)
    if (job.state !== 'done') {
      throw new EngineError(
        'EXPORT_FAILED',
        `export ${jobId} is ${job.state}; only a finished export can be downloaded`,
      )
    }
    const dataFiles = (job.files ?? []).map((entry) => entry.name)
    const available =
      job.manifestFile === null || job.manifestFile === undefined ? dataFiles : [...dataFiles, job.manifestFile]
    const name = file ?? (dataFiles.length === 1 ? dataFiles[0] : undefined)
    if (name === undefined || !available.includes(name)) {
      const problem = file === undefined ? `has ${dataFiles.length} files` : `has no file "${file}"`
      throw new EngineError('BAD_INPUT', `export ${jobId} ${problem}; pass file = one of ${available.join(', ')}`, {
        files: available,
      })
    }
    const filePath = path.join(this.exportDir, name)
    const info = await stat(filePath).catch((err: unknown) => {
      throw new EngineError(
        'NOT_FOUND',
        `the file ${name} of export ${jobId} is gone from ${this.exportDir}`,
        undefined,
        {
          cause: err,
        },
      )
    })
    const contentType = name === job.manifestFile ? 'application/json' : FORMAT_MIME[job.format]
    return { contentType, contentLength: info.size, fileName: name, body: createReadStream(filePath) }
  }

  /** Cancels every running job (engine shutdown) and waits for them to clean up. */
  async cancelAll(): Promise<void> {
    const running = [...this.#jobs.values()].filter((entry) => entry.job.state === 'running')
    for (const entry of running) entry.controller.abort()
    await Promise.all(running.map((entry) => entry.done))
  }

  #get(jobId: string): JobEntry {
    const entry = this.#jobs.get(jobId)
    if (!entry) throw new EngineError('NOT_FOUND', `no export job with id ${jobId}`)
    return entry
  }
}
