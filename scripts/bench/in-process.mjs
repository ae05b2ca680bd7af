import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
const CHILD = fileURLToPath(new URL('./engine-child.mjs', import.meta.url))
let profiles = 0
/** One engine job may take this long before the bench gives up on it (ms). */
const OPERATION_TIMEOUT_MS = 600_000

/**
 * Runs one engine job in a fresh Node process (`engine-child.mjs`): the engine's `openQueryStream` read to the
 * end (`stream`), or piped into `writeExportFile` (`csv`, `parquet` into `path`). Fresh process per job, so the
 * peak RSS is the job's own; the time includes neither Node's start nor the module loading.
 * @param {{ hubUrl: string, sql: string, mode: 'stream' | 'csv' | 'parquet', path?: string,
 *   cpuProfDir: string | null }} job
 * @returns {Promise<{ rows: number, ms: number, firstBatchMs: number, maxRssMb: number, cpuS: number }>} ms from
 *   `openQueryStream` to the last batch (stream) or the renamed file (export); peak RSS of the child in MiB; CPU
 *   seconds of the child
 * @throws Error with the child's stderr when it fails
 */
export async function runInProcess({ hubUrl, sql, mode, path, cpuProfDir }) {
  const nodeArgs = cpuProfDir
    ? ['--cpu-prof', '--cpu-prof-dir', cpuProfDir, '--cpu-prof-name', `engine-${mode}-${++profiles}.cpuprofile`]
    : []
  try {
    const { stdout } = await run(process.execPath, [...nodeArgs, CHILD, JSON.stringify({ sql, mode, path })], {
      env: { ...process.env, IDW_BENCH_HUB_URL: hubUrl },
      maxBuffer: 1024 * 1024,
      timeout: OPERATION_TIMEOUT_MS,
    })
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}')
  } catch (err) {
    throw new Error(`engine child (${mode}) failed: ${err.stderr || err.message}`, { cause: err })
  }
}
