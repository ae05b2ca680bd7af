import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createRequire } from 'node:module'
import { app, BrowserWindow, ipcMain, net, protocol, safeStorage } from 'electron'
import { createLogger, Engine, resolveEngineOptions } from '@idw/engine'
import { createIpcDispatcher, IPC_CHANNELS, type IpcDispatcher } from './ipc-dispatcher.js'
import { provideMasterKey } from './keychain-master-key.js'
import { resolveUiPath, UI_SCHEME, UI_START_URL } from './ui-path.js'

const here = path.dirname(fileURLToPath(import.meta.url))

function registerHandlers(dispatcher: IpcDispatcher): void {
  ipcMain.handle(IPC_CHANNELS.call, (_event, method: string, input: unknown) => dispatcher.call(method, input))
  ipcMain.handle(IPC_CHANNELS.openStream, (_event, method: string, input: unknown) =>
    dispatcher.openStream(method, input),
  )
  ipcMain.handle(IPC_CHANNELS.readStream, (_event, streamId: string) => dispatcher.readStream(streamId))
  ipcMain.handle(IPC_CHANNELS.closeStream, (_event, streamId: string) => dispatcher.closeStream(streamId))
}

function uiDir(): string {
  const pkg = createRequire(import.meta.url).resolve('@idw/ui/package.json')
  return path.join(path.dirname(pkg), 'dist')
}

/**
 * Serves the built UI under `idw://ui/`, a standard secure scheme, because Chromium refuses module workers and
 * WebAssembly fetches (Monaco's worker, duckdb-wasm) from `file://` pages.
 */
function serveUi(dir: string): void {
  protocol.handle(UI_SCHEME, (request) => {
    const file = resolveUiPath(dir, request.url)
    if (file === null) return new Response('not found', { status: 404 })
    return net.fetch(pathToFileURL(file).toString())
  })
}

protocol.registerSchemesAsPrivileged([
  { scheme: UI_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
])

/**
 * The Electron main process: starts the same engine as the web host, carries its router over IPC and shows the
 * built UI (served under `idw://ui/`) in a sandboxed window with context isolation; the preload bridge is the
 * page's only way out.
 */
async function main(): Promise<void> {
  const logger = createLogger()
  await app.whenReady()
  const options = resolveEngineOptions(process.env)
  const keySource = provideMasterKey(process.env, options.dataDir, safeStorage)
  if (keySource === 'unavailable') logger.warn('the OS keychain is unavailable: set IDW_MASTER_KEY to store passwords')
  const engine = await Engine.start(options, logger)
  const dispatcher = createIpcDispatcher(engine.router, logger)
  registerHandlers(dispatcher)
  serveUi(uiDir())
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    backgroundColor: '#15171c',
    title: 'Instant Data Workbench',
    webPreferences: {
      preload: path.join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  })
  window.on('closed', () => void dispatcher.closeAll())
  await window.loadURL(UI_START_URL)
  app.on('window-all-closed', () => app.quit())
  app.on('before-quit', (event) => {
    event.preventDefault()
    void engine.close().finally(() => app.exit(0))
  })
}

void main()
