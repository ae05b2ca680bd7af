import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startWebHost, type WebHost } from './web-host.js'

const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/examples/read_results.py')
const hasPyarrow = spawnSync('python3', ['-c', 'import pyarrow, pandas'], { stdio: 'ignore' }).status === 0
if (!hasPyarrow) {
  process.stderr.write(
    '\nPython example test SKIPPED: python3 with pyarrow and pandas not found (pip install pyarrow pandas).\n\n',
  )
}

describe.skipIf(!hasPyarrow)('the documented Python example', () => {
  let host: WebHost

  beforeAll(async () => {
    host = await startWebHost(inject('hubUrl'), inject('hubDataDir'))
  })
  afterAll(async () => host?.stop())

  it('reads the Arrow stream with pyarrow and the Parquet export with pandas', () => {
    const run = spawnSync('python3', [script], {
      env: { ...process.env, IDW_URL: host.baseUrl, IDW_TOKEN: host.token },
      encoding: 'utf8',
      timeout: 120_000,
    })
    expect(run.stderr).toBe('')
    expect(run.stdout).toMatch(/^stream: 52 rows/m)
    expect(run.stdout).toMatch(/^parquet: 52 rows/m)
  })
})
