#!/usr/bin/env node
// `npm run bench [-- --json --runs N]`: see options.mjs for the flags and docs/performance.md for what is measured.
import { mkdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { openBrowser } from './browser.mjs'
import { ensureTable10m, libpqEnv, startBenchHub, TABLE_10M } from './hub-setup.mjs'
import { describeMachine } from './machine.mjs'
import { readOptions } from './options.mjs'
import { formatReport } from './print-table.mjs'
import { ProcessMonitor } from './process-monitor.mjs'
import { runDataset } from './run-dataset.mjs'
import { summarizeDataset, summarizeRun } from './summarize.mjs'
import { startWebHost } from './web-host.mjs'

/** @type {Record<'3m' | '10m', import('./run-dataset.mjs').Dataset>} */
const DATASETS = {
  '3m': { key: '3m', label: '3M demo (fdw)', sql: 'SELECT * FROM flights.flights', rows: 3_000_000 },
  '10m': { key: '10m', label: '10M local', sql: `SELECT * FROM ${TABLE_10M}`, rows: 10_000_000 },
}

const options = readOptions(process.argv.slice(2))
const started = performance.now()
const log = (msg) =>
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}\n`)
const tmpDir = path.join(options.dataDir, 'bench-tmp')
const exportDir = path.join(tmpDir, 'exports')
/** Undo steps, last first. */
const cleanups = []
const cleanUp = async () => {
  while (cleanups.length)
    await cleanups
      .pop()()
      .catch((err) => log(`cleanup: ${err.message}`))
}
process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)))

/**
 * Measures one dataset in a fresh web host (so its memory peaks do not inherit an earlier dataset's heap) with a
 * fresh browser page. @returns {Promise<Record<string, number[]>>} the samples, with the host's idle RSS
 */
async function measureInFreshHost(key, hub) {
  const host = await startWebHost({
    hubUrl: hub.url,
    dataDir: options.dataDir,
    exportDir,
    cpuProfDir: options.cpuProfDir,
    label: key,
  })
  const monitor = new ProcessMonitor(host.pid)
  const browser = options.browser ? await openBrowser(host) : null
  try {
    const idleMb = monitor.currentMb()
    const samples = await runDataset({
      dataset: DATASETS[key],
      runs: options.runs,
      tmpDir,
      exportDir,
      hubUrl: hub.url,
      psqlEnv: libpqEnv(hub.params),
      host,
      monitor,
      browser,
      inProcessExports: options.inProcessExports,
      cpuProfDir: options.cpuProfDir,
      log,
    })
    return { ...samples, host_idle_rss_mb: [idleMb] }
  } finally {
    await browser?.close()
    monitor.stop()
    await host.stop()
  }
}

try {
  log(`hub in ${options.dataDir}`)
  const hub = await startBenchHub(options.dataDir)
  cleanups.push(() => hub.hub.stop())
  await rm(tmpDir, { recursive: true, force: true })
  await mkdir(exportDir, { recursive: true })
  cleanups.push(() => rm(tmpDir, { recursive: true, force: true }))
  if (options.cpuProfDir) await mkdir(options.cpuProfDir, { recursive: true })

  // The first start of the web host loads the demo flights and applies the demo sources the 10M table is copied from.
  log('preparing the demo workspace')
  const first = await startWebHost({ hubUrl: hub.url, dataDir: options.dataDir, exportDir, cpuProfDir: null })
  await first.stop()
  if (options.datasets.includes('10m')) await ensureTable10m(hub.hub.pool, log)
  const machine = await describeMachine(hub.hub.pool)
  const busy = os.loadavg()[0] > 1
  if (busy) log(`warning: load average ${machine.load} before measuring; other work skews the figures`)

  const byDataset = {}
  const samples = {}
  for (const key of options.datasets) {
    samples[key] = await measureInFreshHost(key, hub)
    byDataset[key] = summarizeDataset(samples[key])
  }
  const { headline, verdicts } = summarizeRun(byDataset)
  machine['load after'] = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')
  await cleanUp()
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`)
  const datasets = options.datasets.map((k) => DATASETS[k])
  const report = formatReport({ machine, busy, runs: options.runs, datasets, byDataset, headline, verdicts })
  process.stdout.write(`${report}\n`)
  if (options.json) {
    const json = {
      ...headline,
      verdicts,
      runs: options.runs,
      machine,
      machine_busy: busy,
      datasets: byDataset,
      samples,
    }
    process.stdout.write(`${JSON.stringify(json)}\n`)
  }
} catch (err) {
  log(`failed: ${err instanceof Error ? err.stack : String(err)}`)
  await cleanUp()
  process.exitCode = 1
}
