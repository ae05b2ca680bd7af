import electron = require('electron')

const CHANNELS = {
  call: 'idw:call',
  openStream: 'idw:open-stream',
  readStream: 'idw:read-stream',
  closeStream: 'idw:close-stream',
} as const

type IpcResult<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; detail?: unknown } }

async function unwrap<T>(promise: Promise<IpcResult<T>>): Promise<T> {
  const result = await promise
  if (result.ok) return result.value
  throw result.error
}

const { contextBridge, ipcRenderer } = electron

/**
 * The bridge the UI's `IpcEngineClient` uses as `window.idw`: four calls over `ipcRenderer.invoke`, rejecting with
 * the engine's `{ code, message, detail }`. Nothing else of Electron or Node reaches the page. The channel names
 * repeat `IPC_CHANNELS` of ipc-dispatcher.ts because a sandboxed preload cannot import the main process's modules.
 */
contextBridge.exposeInMainWorld('idw', {
  call: (method: string, input: unknown) => unwrap(ipcRenderer.invoke(CHANNELS.call, method, input)),
  openStream: (method: string, input: unknown) => unwrap(ipcRenderer.invoke(CHANNELS.openStream, method, input)),
  readStream: (streamId: string) => unwrap(ipcRenderer.invoke(CHANNELS.readStream, streamId)),
  closeStream: (streamId: string) => unwrap(ipcRenderer.invoke(CHANNELS.closeStream, streamId)),
})
