#!/usr/bin/env node
// Takes docs/screenshot.png from a running workbench: `IDW_TOKEN=… npm start`, then
// `node scripts/screenshot.mjs http://127.0.0.1:5177 <token>`. Uses Debian's Chromium (or IDW_CHROMIUM).
import { chromium } from 'playwright-core'

const [baseUrl = 'http://127.0.0.1:5177', token = process.env.IDW_TOKEN] = process.argv.slice(2)
const browser = await chromium.launch({
  executablePath: process.env.IDW_CHROMIUM || '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
})
const page = await browser.newPage({ viewport: { width: 1440, height: 860 } })
await page.goto(`${baseUrl}/?token=${token}`)
await page.getByTestId('catalog-source-flights').waitFor()
await page.getByTestId('catalog-table-files.airports').click()
await page.getByTestId('sql-editor').locator('.monaco-editor').first().click()
await page.keyboard.press('ControlOrMeta+Enter')
await page.waitForFunction(
  () => /^[1-9]/.test(document.querySelector('[data-testid="result-row-count"]')?.textContent ?? ''),
  null,
  { timeout: 60_000 },
)
await page.waitForTimeout(500)
await page.screenshot({ path: new URL('../docs/screenshot.png', import.meta.url).pathname })
await browser.close()
