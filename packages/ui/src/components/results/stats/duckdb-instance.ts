import { AsyncDuckDB, ConsoleLogger, LogLevel, selectBundle } from '@duckdb/duckdb-wasm'
import type { DuckDBBundles } from '@duckdb/duckdb-wasm'
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url'
import ehModule from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'
import mvpModule from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url'

/**
 * DuckDB-Wasm's files as Vite emits them into `dist/assets`: served by our own host, never a CDN. Absolute
 * URLs, because the worker resolves the module URL against its own location.
 */
function bundles(): DuckDBBundles {
  const absolute = (url: string): string => new URL(url, document.baseURI).href
  return {
    mvp: { mainModule: absolute(mvpModule), mainWorker: absolute(mvpWorker) },
    eh: { mainModule: absolute(ehModule), mainWorker: absolute(ehWorker) },
  }
}

let instance: Promise<AsyncDuckDB> | null = null

/**
 * The page's one DuckDB-Wasm database, started on first use: `selectBundle` picks the exception-handling
 * build where the browser supports it (Chromium, Electron), else the MVP one (~35 MB of wasm, fetched once).
 * A failed start is forgotten so the next call tries again.
 */
export function loadDuckDb(): Promise<AsyncDuckDB> {
  instance ??= startDuckDb().catch((error: unknown) => {
    instance = null
    throw error
  })
  return instance
}

async function startDuckDb(): Promise<AsyncDuckDB> {
  const bundle = await selectBundle(bundles())
  if (bundle.mainWorker === null) throw new Error('DuckDB-Wasm has no worker for this browser')
  const worker = new Worker(bundle.mainWorker)
  const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), worker)
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker)
  return db
}
