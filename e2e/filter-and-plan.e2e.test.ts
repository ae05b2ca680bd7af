import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumForTests } from './chromium.js'
import { openWorkbench, readText, setEditorSql, type WorkbenchSession } from './workbench-session.js'

const executablePath = chromiumForTests()

describe.skipIf(executablePath === null)('filters without SQL and plans that explain themselves', () => {
  let session: WorkbenchSession

  beforeAll(async () => {
    session = await openWorkbench(executablePath as string)
  })
  afterAll(async () => session?.close())

  it('builds a filter visually on flights.flights, shows it as JSON and SQL, runs it and sees it pushed down', async () => {
    const { page } = session
    const table = page.getByTestId('catalog-table-flights.flights')
    await table.locator('.tree__row').first().hover()
    await page.getByTestId('catalog-filter-flights.flights').click()
    await page.getByTestId('filter-builder').waitFor()

    await page.getByTestId('filter-add-condition').click()
    await page.getByTestId('filter-column-select').last().selectOption('delay')
    await page.getByTestId('filter-operator-select').last().selectOption('gt')
    await page.getByTestId('filter-value-input').last().fill('600')

    await expect.poll(() => readText(page, 'filter-sql-preview'), { timeout: 15_000 }).toContain('"delay" > 600')

    await page.getByTestId('filter-mode-json').click()
    const json = page.getByTestId('filter-json-editor').locator('.view-lines')
    await expect
      .poll(async () => ((await json.textContent()) ?? '').replace(/\u00a0/g, ' '), { timeout: 15_000 })
      .toMatch(/"gt":\s*600/)
    await page.getByTestId('filter-mode-visual').click()

    await page.getByTestId('filter-run').click()
    const rowCount = async () => Number((await readText(page, 'result-row-count')).replace(/\D/g, '') || '0')
    await expect.poll(rowCount, { timeout: 60_000 }).toBeGreaterThan(0)
    await expect
      .poll(async () => page.locator('.run-state').first().textContent(), { timeout: 60_000 })
      .toContain('Done')
    const shown = await rowCount()
    expect(shown).toBeLessThanOrEqual(1000)

    await page.getByTestId('explain-button').click()
    await page.getByTestId('foreign-scan').first().waitFor({ timeout: 30_000 })
    expect(await readText(page, 'remote-sql')).toMatch(/WHERE \(\(delay > 600/)
    const pushed = page.locator('[data-testid="clause"][data-kind="filter"][data-pushed="true"]')
    await expect.poll(() => pushed.count()).toBeGreaterThan(0)
    expect(await pushed.first().textContent()).toContain('delay > 600')
  })

  it('marks a now() clause of hand-written SQL as run in the hub, with its reason', async () => {
    const { page } = session
    await setEditorSql(
      page,
      "SELECT origin, count(*) FROM flights.flights WHERE delay > 600 AND date > now() - interval '30 years' GROUP BY origin",
    )
    await page.getByTestId('explain-button').click()
    const local = page.locator('[data-testid="clause"][data-kind="filter"][data-pushed="false"]')
    await local.first().waitFor({ timeout: 30_000 })
    expect(await local.first().textContent()).toContain('now()')
    const reason = local.first().getByTestId('clause-reason')
    expect(await reason.textContent()).toMatch(/now\(\) is not IMMUTABLE/)
    const pushed = page.locator('[data-testid="clause"][data-kind="filter"][data-pushed="true"]')
    expect(await pushed.first().textContent()).toContain('delay > 600')
  })
})
