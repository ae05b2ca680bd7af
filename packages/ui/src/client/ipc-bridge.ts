/**
 * The bridge the Electron preload script exposes as `window.idw` (contextBridge). The desktop host carries
 * the same method names as the web host's `/api/v1/<method>`.
 *
 * - `call`: a JSON method; resolves with its output, rejects with `{ code, message, detail? }`.
 * - `openStream`: a stream method (`query/run`, `table/select`, `export/download`); resolves once the engine accepted it.
 * - `readStream`: the next chunk of bytes, or `null` at the end of the stream.
 * - `closeStream`: releases a stream early (cancel); harmless on a finished stream.
 */
export interface IdwBridge {
  call(method: string, input: unknown): Promise<unknown>
  openStream(method: string, input: unknown): Promise<{ streamId: string; contentType: string; fileName?: string }>
  readStream(streamId: string): Promise<Uint8Array | null>
  closeStream(streamId: string): Promise<void>
}

declare global {
  interface Window {
    /** Present only inside the Electron desktop app. */
    idw?: IdwBridge
  }
}
