import path from 'node:path'
import { chromium } from 'playwright-core'
import { REPO_ROOT } from './engine-dist.mjs'

/** The first batch must arrive within this time (ms). */
const TIMEOUT_MS = 120_000

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * In the page: runs `sql` through the page's own `fetch('/api/v1/query')`, decodes the Arrow IPC stream with
 * apache-arrow's `RecordBatchReader` and stops (canceling the query) once the first RecordBatch is decoded.
 * Times in ms from the fetch call.
 */
async function firstBatchInPage({ sql, queryId }) {
  const controller = new AbortController()
  const started = performance.now()
  const response = await fetch('/api/v1/query', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sql, queryId, maxRows: null }),
    signal: controller.signal,
  })
  if (!response.ok) throw new Error(`query answered ${response.status}: ${await response.text()}`)
  const headersMs = performance.now() - started
  const source = response.body.getReader()
  let firstByteMs = null
  const tapped = new ReadableStream({
    async pull(sink) {
      const { done, value } = await source.read()
      if (done) return sink.close()
      firstByteMs ??= performance.now() - started
      sink.enqueue(value)
    },
    cancel: (reason) => source.cancel(reason),
  })
  const reader = await globalThis.Arrow.RecordBatchReader.from(tapped)
  let rows = 0
  let firstBatchMs = null
  for await (const batch of reader) {
    firstBatchMs = performance.now() - started
    rows = batch.numRows
    break
  }
  controller.abort()
  return { headersMs, firstByteMs, firstBatchMs, rows }
}

/** In the page: polls `query/status` until the query left `running` (at most ~1 s). */
async function waitUntilEnded(queryId) {
  for (let i = 0; i < 50; i += 1) {
    const answer = await fetch('/api/v1/query/status', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ queryId }),
    })
    if ((await answer.json()).state !== 'running') return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/**
 * Opens Debian's Chromium (headless, through playwright-core) on the web host's UI with the start-up token, so
 * the page holds the session cookie; `measure(sql)` then times one query's first batch in the browser. After each
 * measure the canceled query is awaited (`query/status` no longer `running`), so its cleanup in the hub does not
 * overlap the next figure.
 * @param {{ baseUrl: string, token: string }} host
 * @returns {Promise<{ measure: (sql: string) => Promise<{ headersMs: number, firstByteMs: number,
 *   firstBatchMs: number, rows: number, afterFirstByteMs: number }>, close: () => Promise<void> }>}
 *   `afterFirstByteMs`: first batch decoded minus the answer's first byte (the goal's figure)
 */
export async function openBrowser(host) {
  const browser = await chromium.launch({
    executablePath: process.env.IDW_CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  })
  const page = await browser.newPage()
  await page.goto(`${host.baseUrl}/?token=${host.token}`)
  await page.addScriptTag({ path: path.join(REPO_ROOT, 'node_modules/apache-arrow/Arrow.es2015.min.js') })
  let count = 0
  const measure = async (sql) => {
    const queryId = `bench-browser-${process.pid}-${++count}`
    let timer
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no first batch in the browser within ${TIMEOUT_MS} ms`)), TIMEOUT_MS)
    })
    const timing = await Promise.race([page.evaluate(firstBatchInPage, { sql, queryId }), timeout]).finally(() =>
      clearTimeout(timer),
    )
    await page.evaluate(waitUntilEnded, queryId)
    return { ...timing, afterFirstByteMs: timing.firstBatchMs - timing.firstByteMs }
  }
  return { measure, close: () => browser.close() }
}
