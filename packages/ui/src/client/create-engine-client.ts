import type { EngineClient } from './engine-client'
import { HttpEngineClient } from './http-engine-client'
import { IpcEngineClient } from './ipc-engine-client'

/**
 * Picks the engine client for where the UI runs: the Electron preload bridge (`window.idw`) when present,
 * else the web host over same-origin HTTP.
 */
export function createEngineClient(win: Window = window): EngineClient {
  return win.idw === undefined ? new HttpEngineClient() : new IpcEngineClient(win.idw)
}
