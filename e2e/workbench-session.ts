import type { Browser, BrowserContext, Page } from 'playwright-core'
import { inject } from 'vitest'
import { launchChromium } from './chromium.js'
import { startWebHost, type WebHost } from './web-host.js'

/** A browser signed in to a freshly started `idw serve` on the test hub. */
export interface WorkbenchSession {
  host: WebHost
  browser: Browser
  context: BrowserContext
  page: Page
  close(): Promise<void>
}

/**
 * Starts the web host on the test hub (with its demo workspace), launches Chromium, opens the start-up URL with the
 * token and waits for the catalog to show the demo sources.
 */
export async function openWorkbench(executablePath: string): Promise<WorkbenchSession> {
  const host = await startWebHost(inject('hubUrl'), inject('hubDataDir'))
  const browser = await launchChromium(executablePath)
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  await page.goto(`${host.baseUrl}/?token=${host.token}`)
  await page.getByTestId('catalog-source-flights').waitFor()
  return {
    host,
    browser,
    context,
    page,
    close: async () => {
      await browser.close()
      await host.stop()
    },
  }
}

/** Replaces the SQL editor's text with `sql` (typed as one insertion, so Monaco adds no closing brackets). */
export async function setEditorSql(page: Page, sql: string): Promise<void> {
  await page.getByTestId('editor-tab-sql').click()
  await page.getByTestId('sql-editor').locator('.monaco-editor').first().click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('Delete')
  await page.keyboard.insertText(sql)
}

/** The text of the first element with `testId`, non-breaking and runs of spaces made one space; '' while absent. */
export async function readText(page: Page, testId: string): Promise<string> {
  const element = page.getByTestId(testId).first()
  if ((await element.count()) === 0) return ''
  return ((await element.textContent()) ?? '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ')
}
