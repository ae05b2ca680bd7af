import { randomUUID } from 'node:crypto'
import { toErrorBody, type ErrorBody, type ErrorLog, type Router } from '@idw/engine'

/** IPC channel names shared by the main process and the preload script. */
export const IPC_CHANNELS = {
  call: 'idw:call',
  openStream: 'idw:open-stream',
  readStream: 'idw:read-stream',
  closeStream: 'idw:close-stream',
} as const

/** What a handler answers over IPC: a value, or an error body (never a thrown Error, whose stack would leak). */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: ErrorBody }

/** Header of an opened stream; its bytes are then pulled with `readStream` until it answers null. */
export interface IpcStreamHeader {
  streamId: string
  contentType: string
  fileName?: string
  queryId?: string
}

/** The four IPC handlers the main process registers with `ipcMain.handle`. */
export interface IpcDispatcher {
  call(method: string, input: unknown): Promise<IpcResult<unknown>>
  openStream(method: string, input: unknown): Promise<IpcResult<IpcStreamHeader>>
  /** The next chunk of a stream, null at its end. Chunks are `Uint8Array`s, copied by structured clone. */
  readStream(streamId: string): Promise<IpcResult<Uint8Array | null>>
  closeStream(streamId: string): Promise<IpcResult<null>>
  /** Closes every open stream (window closed). */
  closeAll(): Promise<void>
}

/**
 * The desktop transport over the engine router: validates nothing itself (the router does), turns every thrown
 * error into `{ code, message, detail }`, and keeps open byte streams by id for the renderer to pull, so a slow
 * renderer applies backpressure to the query.
 */
export function createIpcDispatcher(router: Router, log: ErrorLog): IpcDispatcher {
  const streams = new Map<string, AsyncIterator<Uint8Array>>()
  const guard = async <T>(work: () => Promise<T>): Promise<IpcResult<T>> => {
    try {
      return { ok: true, value: await work() }
    } catch (err) {
      return { ok: false, error: toErrorBody(err, log) }
    }
  }
  const close = async (streamId: string) => {
    const iterator = streams.get(streamId)
    streams.delete(streamId)
    await iterator?.return?.()
  }
  return {
    call: (method, input) => guard(() => router.call(method, input)),
    openStream: (method, input) =>
      guard(async () => {
        const response = await router.stream(method, input)
        const streamId = randomUUID()
        streams.set(streamId, response.body[Symbol.asyncIterator]())
        const header: IpcStreamHeader = { streamId, contentType: response.contentType }
        if (response.fileName !== undefined) header.fileName = response.fileName
        if (response.streamId !== undefined) header.queryId = response.streamId
        return header
      }),
    readStream: (streamId) =>
      guard(async () => {
        const iterator = streams.get(streamId)
        if (!iterator) return null
        try {
          const next = await iterator.next()
          if (next.done) streams.delete(streamId)
          return next.done ? null : next.value
        } catch (err) {
          streams.delete(streamId)
          throw err
        }
      }),
    closeStream: (streamId) =>
      guard(async () => {
        await close(streamId)
        return null
      }),
    closeAll: async () => {
      await Promise.all([...streams.keys()].map(close))
    },
  }
}
