import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { chromiumForTests } from './chromium.js'
import { openWorkbench, setEditorSql, type WorkbenchSession } from './workbench-session.js'

const CROSS_SOURCE_SQL =
  'SELECT a.state, count(*) AS flights, round(avg(f.delay), 2)::numeric(8,2) AS avg_delay\n' +
  'FROM flights.flights f JOIN files.airports a ON a.iata = f.origin\n' +
  'GROUP BY a.state ORDER BY flights DESC, a.state'

const executablePath = chromiumForTests()

describe.skipIf(executablePath === null)('the workbench in Chromium, on the demo workspace', () => {
  let session: WorkbenchSession
  let downloads: string
  let expected: { state: string; flights: string }[]

  beforeAll(async () => {
    session = await openWorkbench(executablePath as string)
    downloads = mkdtempSync(path.join(os.tmpdir(), 'idw-e2e-downloads-'))
    const client = new pg.Client({ connectionString: inject('hubUrl') })
    await client.connect()
    expected = (await client.query<{ state: string; flights: string }>(CROSS_SOURCE_SQL)).rows
    await client.end()
  })

  afterAll(async () => {
    await session?.close()
    rmSync(downloads, { recursive: true, force: true })
  })

  it('runs the cross-source query, shows its rows and exports them to a Parquet file DuckDB reads back', async () => {
    const { page } = session
    await page.getByTestId('catalog-source-files').waitFor()

    await setEditorSql(page, CROSS_SOURCE_SQL)
    await page.keyboard.press('ControlOrMeta+Enter')

    await expect
      .poll(() => page.getByTestId('result-row-count').textContent(), { timeout: 60_000 })
      .toContain(`${expected.length} rows`)
    const grid = page.getByTestId('result-grid')
    const firstRow = grid.locator('[role="row"][aria-rowindex="1"], [role="row"][aria-rowindex="2"]').first()
    await expect.poll(() => firstRow.textContent()).toContain(expected[0]!.state)
    await expect.poll(() => firstRow.textContent()).toContain(expected[0]!.flights)
    await page.screenshot({ path: path.join(downloads, 'workbench.png') })

    const downloadStarted = page.waitForEvent('download', { timeout: 120_000 })
    await page.getByTestId('export-parquet').click()
    const download = await downloadStarted
    expect(download.suggestedFilename()).toMatch(/\.parquet$/)
    const file = path.join(downloads, 'result.parquet')
    await download.saveAs(file)
    await expect.poll(() => page.getByTestId('export-status').textContent()).toContain('done')

    const duck = await (await DuckDBInstance.create()).connect()
    const count = await duck.runAndReadAll(`SELECT count(*) FROM read_parquet('${file}')`)
    expect(Number(count.getRows()[0]![0])).toBe(expected.length)
    const described = await duck.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`)
    const types = Object.fromEntries(described.getRows().map((row) => [String(row[0]), String(row[1])]))
    expect(types).toEqual({ state: 'VARCHAR', flights: 'BIGINT', avg_delay: 'DECIMAL(8,2)' })
    const total = await duck.runAndReadAll(`SELECT sum(flights) FROM read_parquet('${file}')`)
    const expectedTotal = expected.reduce((sum, row) => sum + Number(row.flights), 0)
    expect(Number(total.getRows()[0]![0])).toBe(expectedTotal)
  })
})
