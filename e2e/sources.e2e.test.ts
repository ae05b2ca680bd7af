import { randomBytes } from 'node:crypto'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadRemoteDataset, mariadb, mariadbUnavailable } from '../packages/engine/src/sources/testing/mariadb.js'
import type { RemoteDataset } from '../packages/engine/src/sources/testing/mariadb.js'
import { pg15Unavailable, printSkip } from '../packages/engine/src/sources/testing/pg15-hub.js'
import { chromiumForTests, launchChromium } from './chromium.js'
import { createSourcesHub, demoRemoteRows, type SourcesHub } from './sources-hub.js'
import { startWebHost, type WebHost } from './web-host.js'
import { readText, setEditorSql } from './workbench-session.js'

/** Each movie of the MariaDB source released on a day of the demo's flights, with that day's traffic. */
const MOVIE_DAYS_SQL =
  'SELECT m.title, m.release_date, d.flights, d.avg_delay\n' +
  'FROM shop.movies m\n' +
  'JOIN (SELECT f.date::date AS day, count(*) AS flights, round(avg(f.delay), 2) AS avg_delay\n' +
  '      FROM flights.flights f GROUP BY 1) d ON d.day = m.release_date\n' +
  'ORDER BY d.flights DESC, m.title'

const executablePath = chromiumForTests()
const serviceGap =
  executablePath === null ? null : ((await pg15Unavailable(['mysql_fdw'])) ?? (await mariadbUnavailable()))
if (serviceGap !== null) printSkip('e2e/sources.e2e.test.ts', serviceGap)

describe.skipIf(executablePath === null || serviceGap !== null)('connecting MariaDB from the UI', () => {
  const password = `e2e-P@ss#w:rd/?-${randomBytes(3).toString('hex')}`
  let hub: SourcesHub
  let dataset: RemoteDataset
  let host: WebHost
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    hub = await createSourcesHub()
    dataset = await loadRemoteDataset(password)
    host = await startWebHost(hub.url, hub.dataDir, { IDW_MASTER_KEY: randomBytes(32).toString('hex') })
    browser = await launchChromium(executablePath as string)
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(`${host.baseUrl}/?token=${host.token}`)
    await page.getByTestId('catalog-source-flights').waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await host?.stop()
    await dataset?.drop()
    await hub?.drop()
  })

  it('adds the source by URI, tests it, picks two tables and joins them with the demo flights', async () => {
    await page.getByTestId('add-source').click()
    await page.getByTestId('source-dialog').waitFor()
    await page.getByTestId('source-type-mysql_fdw').waitFor()
    const uri = `mysql://${dataset.user}:${encodeURIComponent(password)}@127.0.0.1:3306/${dataset.database}`
    await page.getByTestId('source-uri-input').fill(uri)
    await page.getByTestId('source-uri-parse').click()

    const name = page.getByTestId('source-name-input')
    await expect.poll(() => name.inputValue()).toBe(dataset.database)
    expect(await page.getByTestId('source-option-host').inputValue()).toBe('127.0.0.1')
    expect(await page.getByTestId('source-option-username').inputValue()).toBe(dataset.user)
    expect(await page.getByTestId('source-password-input').inputValue()).toBe(password)
    await name.fill('shop')

    await page.getByTestId('source-test').click()
    const verdict = page.locator('[data-testid="source-verdict"]:not([data-verdict="running"])')
    await verdict.waitFor({ timeout: 60_000 })
    expect(await verdict.getAttribute('data-verdict')).toBe('ok')

    await page.getByTestId('source-next').click()
    await page.getByTestId('remote-table-penguins').waitFor()
    for (const table of ['movies', 'penguins', 'rated_movies'])
      expect(await page.getByTestId(`remote-table-${table}`).isChecked()).toBe(true)
    await page.getByTestId('remote-table-rated_movies').uncheck()
    await page.getByTestId('source-add-confirm').click()

    await page.getByTestId('source-dialog').waitFor({ state: 'detached', timeout: 60_000 })
    await page.getByTestId('catalog-table-shop.movies').waitFor()
    await page.getByTestId('catalog-table-shop.penguins').waitFor()
    expect(await page.getByTestId('catalog-table-shop.rated_movies').count()).toBe(0)
    expect(await page.content()).not.toContain(password)

    const imported = await hub.query<{ movies: string; penguins: string }>(
      'SELECT (SELECT count(*) FROM shop.movies) AS movies, (SELECT count(*) FROM shop.penguins) AS penguins',
    )
    expect(imported[0]).toEqual({ movies: String(dataset.movies), penguins: String(dataset.penguins) })

    const released = await mariadb(
      "SELECT title, release_date FROM movies WHERE release_date BETWEEN '2001-01-01' AND '2001-07-01'",
      dataset.database,
    )
    const perDay = await demoRemoteRows<{ day: string; flights: string }>(
      "SELECT to_char(date::date, 'YYYY-MM-DD') AS day, count(*) AS flights FROM flights GROUP BY 1",
    )
    const flightsOn = new Map(perDay.map((r) => [r.day, Number(r.flights)]))
    const expected = released.filter(([, day]) => flightsOn.has(day ?? '')).map(([, day]) => flightsOn.get(day!)!)
    expect(expected.length).toBeGreaterThan(10)

    await setEditorSql(page, MOVIE_DAYS_SQL)
    await page.keyboard.press('ControlOrMeta+Enter')
    await expect
      .poll(() => readText(page, 'result-row-count'), { timeout: 60_000 })
      .toContain(`${expected.length} rows`)
    const flightsCell = page
      .getByTestId('result-grid')
      .locator('[role="row"][aria-rowindex="2"] [role="gridcell"]')
      .nth(2)
    await expect
      .poll(async () => ((await flightsCell.textContent()) ?? '').replace(/\D/g, ''))
      .toBe(String(Math.max(...expected)))
  })

  it('refreshes the source and shows the column added on the remote, then removes it without touching MariaDB', async () => {
    await mariadb('ALTER TABLE penguins ADD COLUMN year SMALLINT', dataset.database)
    await page.getByTestId('sidebar-tab-sources').click()
    await page.getByTestId('source-card-shop').waitFor()
    expect(await readText(page, 'source-card-shop')).toContain('2 tables')
    await page.getByTestId('source-refresh-shop').click()
    await expect.poll(() => readText(page, 'source-changes'), { timeout: 60_000 }).toContain('1 column added')
    expect(await readText(page, 'source-changes')).toContain('penguins.year smallint')

    await page.getByTestId('source-remove-shop').click()
    await page.getByTestId('source-remove-confirm').click()
    await page.getByTestId('source-card-shop').waitFor({ state: 'detached', timeout: 60_000 })
    await page.getByTestId('sidebar-tab-catalog').click()
    expect(await page.getByTestId('catalog-source-shop').count()).toBe(0)
    expect(await hub.query("SELECT 1 FROM pg_namespace WHERE nspname IN ('shop', 'raw_shop')")).toEqual([])
    expect(await mariadb('SELECT count(*) FROM penguins', dataset.database)).toEqual([[String(dataset.penguins)]])
  })
})
