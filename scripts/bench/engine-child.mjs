// One in-process engine job, run by `in-process.mjs` as a child process so its memory and CPU profile are its own:
// `node engine-child.mjs '<json>'` with { url, sql, mode: 'stream' | 'csv' | 'parquet', path? }; the hub URL
// comes in IDW_BENCH_HUB_URL. Prints one JSON line: { rows, ms, firstBatchMs, maxRssMb, cpuS } (cpuS: user + system
// CPU seconds of the whole child, module loading included).
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { importEngine } from './engine-dist.mjs'

const { sql, mode, path } = JSON.parse(process.argv[2] ?? '{}')
const { openQueryStream } = await importEngine('exec/index.js')
const { writeExportFile } = await importEngine('export/index.js')
const pool = new pg.Pool({ connectionString: process.env.IDW_BENCH_HUB_URL, max: 2 })

const started = performance.now()
const stream = await openQueryStream(pool, sql, { maxRows: null, timeoutMs: 0 })
let rows = 0
try {
  if (mode === 'stream') {
    for await (const batch of stream.batches()) rows += batch.numRows
  } else {
    rows = (await writeExportFile(stream.schema, stream.batches(), { format: mode, path })).rows
  }
} finally {
  await stream.close()
}
const ms = performance.now() - started
await pool.end()
// VmHWM, not getrusage's maxRSS: Linux carries maxRSS over exec from the forked copy of the parent (the bench,
// which holds DuckDB's table), so it would report the parent's size.
const maxRssMb = Number(readFileSync('/proc/self/status', 'utf8').match(/^VmHWM:\s+(\d+) kB/m)?.[1]) / 1024
const { user, system } = process.cpuUsage()
const cpuS = (user + system) / 1e6
process.stdout.write(`${JSON.stringify({ rows, ms, firstBatchMs: stream.firstBatchMs, maxRssMb, cpuS })}\n`)
