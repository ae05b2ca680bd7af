import { readdirSync } from 'node:fs'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumForTests } from './chromium.js'
import { openWorkbench, setEditorSql, type WorkbenchSession } from './workbench-session.js'

const executablePath = chromiumForTests()

const ALL_FLIGHTS = 'SELECT row_number() OVER () AS n, * FROM flights.flights'

describe.skipIf(executablePath === null)('millions of rows in the grid and a training dataset export', () => {
  let session: WorkbenchSession

  beforeAll(async () => {
    session = await openWorkbench(executablePath as string)
  })
  afterAll(async () => session?.close())

  it('streams 3,000,000 rows with no row cap and scrolls to the last one', async () => {
    const { page } = session
    await setEditorSql(page, ALL_FLIGHTS)
    await page.keyboard.press('Escape')
    await page.keyboard.press('ControlOrMeta+Enter')
    const preview = page.getByTestId('cost-preview-run')
    await Promise.race([
      preview.waitFor({ timeout: 30_000 }),
      page.getByTestId('result-bytes').waitFor({ timeout: 30_000 }),
    ])
    if (await preview.isVisible()) await preview.click()

    const count = page.getByTestId('result-row-count')
    await expect.poll(async () => (await count.textContent())?.replace(/\D/g, ''), { timeout: 120_000 }).toBe('3000000')
    await expect.poll(async () => page.locator('.run-state').first().textContent()).toContain('Done')

    await page.getByTestId('result-grid').locator('[role="gridcell"]').first().click()
    await page.keyboard.press('ControlOrMeta+End')
    const last = page.getByTestId('result-grid').locator('[role="row"][aria-rowindex="3000001"]')
    await last.waitFor({ timeout: 15_000 })
    expect((await last.locator('[role="gridcell"]').first().textContent())?.trim()).toBe('3000000')
  })

  it('exports Parquet split 80/10/10 by origin, with progress, into three files and a manifest', async () => {
    const { page, host } = session
    await page.getByTestId('export-dialog-open').click()
    await page.getByTestId('export-dialog').waitFor()
    await page.getByTestId('export-format').selectOption('parquet')
    await page.getByTestId('export-split-key').selectOption('origin')
    await page.getByTestId('export-split-ratios').fill('80/10/10')
    await page.getByTestId('export-start').click()

    await page.getByTestId('export-progress').waitFor({ timeout: 30_000 })
    await expect.poll(() => page.getByTestId('export-status').textContent(), { timeout: 180_000 }).toContain('done')
    const files = (await page.getByTestId('export-file').allTextContents()).map((name) => name.trim())
    expect(files).toHaveLength(3)
    expect(files.map((name) => name.replace(/^.*\.(train|validation|test)\.parquet$/, '$1')).sort()).toEqual([
      'test',
      'train',
      'validation',
    ])

    const written = readdirSync(host.exportDir)
    expect(written.filter((name) => name.endsWith('.manifest.json'))).toHaveLength(1)
    expect(written.filter((name) => name.includes('.partial'))).toEqual([])
    const duck = await (await DuckDBInstance.create()).connect()
    const counts = await duck.runAndReadAll(
      `SELECT count(*) AS rows, count(DISTINCT origin) AS origins FROM read_parquet([${files
        .map((name) => `'${path.join(host.exportDir, name)}'`)
        .join(', ')}])`,
    )
    expect(Number(counts.getRows()[0]![0])).toBe(3_000_000)
    const overlap = await duck.runAndReadAll(
      `SELECT count(*) FROM (SELECT origin FROM read_parquet('${path.join(host.exportDir, files[0]!)}')
         INTERSECT SELECT origin FROM read_parquet('${path.join(host.exportDir, files[1]!)}'))`,
    )
    expect(Number(overlap.getRows()[0]![0])).toBe(0)
  })
})
