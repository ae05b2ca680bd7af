import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const USAGE = `Usage: npm run bench -- [--runs N] [--json] [--datasets 3m,10m] [--data-dir DIR] [--no-browser]
                            [--in-process-exports] [--cpu-prof DIR]

Measures the engine's Arrow stream, CSV/Parquet export, time to first batch and peak RSS on the demo's 3,000,000
flights and a generated 10,000,000-row table, beside psql \\copy and DuckDB references measured in the same run.

  --runs N        measured runs per figure after a warm-up (default 3); the median is reported
  --json          end with one JSON line of every figure
  --datasets L    comma-separated subset of 3m,10m (default both)
  --data-dir DIR  bench data folder holding its own embedded hub (default /var/lib/instant-data-workbench-bench
                  as root, else $TMPDIR/idw-bench); the 10M table is generated once and kept there
  --no-browser    skip the Chromium time-to-first-batch figure
  --in-process-exports
                  also time CSV and Parquet export in a separate engine process (writeExportFile without the web
                  host); adds about a third to the run time
  --cpu-prof DIR  write V8 CPU profiles of the web host and the engine child processes into DIR`

/**
 * The bench's command-line options, with defaults applied.
 * @typedef {{ runs: number, json: boolean, datasets: ('3m' | '10m')[], dataDir: string, browser: boolean,
 *   inProcessExports: boolean, cpuProfDir: string | null }} BenchOptions
 */

/** Default data folder: outside root's home under root (the hub's `postgres` user must reach it). */
function defaultDataDir() {
  if (process.getuid?.() === 0) return '/var/lib/instant-data-workbench-bench'
  return path.join(process.env.TMPDIR || os.tmpdir(), 'idw-bench')
}

/**
 * Reads the bench's options from `argv`; prints the usage and exits on `--help` or a bad value.
 * @param {string[]} argv arguments after the script name
 * @returns {BenchOptions}
 */
export function readOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '3' },
      json: { type: 'boolean', default: false },
      datasets: { type: 'string', default: '3m,10m' },
      'data-dir': { type: 'string' },
      'no-browser': { type: 'boolean', default: false },
      'in-process-exports': { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  const runs = Number(values.runs)
  const datasets = values.datasets.split(',').map((d) => d.trim())
  const bad = !Number.isInteger(runs) || runs < 1 || datasets.some((d) => d !== '3m' && d !== '10m')
  if (values.help || bad) {
    process.stdout.write(`${USAGE}\n`)
    process.exit(values.help ? 0 : 2)
  }
  return {
    runs,
    json: values.json,
    datasets: /** @type {('3m' | '10m')[]} */ (datasets),
    dataDir: path.resolve(values['data-dir'] ?? defaultDataDir()),
    browser: !values['no-browser'],
    inProcessExports: values['in-process-exports'],
    cpuProfDir: values['cpu-prof'] ? path.resolve(values['cpu-prof']) : null,
  }
}
