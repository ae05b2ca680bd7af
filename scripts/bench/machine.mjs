import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import os from 'node:os'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * What the figures were measured on: cores, memory, CPU model, Node, the hub's PostgreSQL, the psql client and
 * the load average (1, 5, 15 min) when the measuring starts: figures taken beside other work are not comparable.
 * @param {import('pg').Pool} pool admin pool of the hub
 * @returns {Promise<Record<string, string>>}
 */
export async function describeMachine(pool) {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? os.cpus()[0]?.model
  const { rows } = await pool.query("SELECT current_setting('server_version') AS v")
  const psql = (await run('psql', ['--version']).catch(() => ({ stdout: 'psql n/a' }))).stdout.trim()
  return {
    cores: String(os.availableParallelism()),
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    cpu: cpu ?? 'unknown',
    node: process.version,
    hub: `PostgreSQL ${rows[0]?.v}`,
    client: psql.replace(/^psql \(PostgreSQL\) /, 'psql '),
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  }
}
