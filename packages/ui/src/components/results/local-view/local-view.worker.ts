/// <reference lib="webworker" />
/**
 * The local sort/filter worker: receives a `ViewIndexRequest` (key buffers transferred in), answers
 * `{ index }` (transferred back) or `{ error }`. One request per worker; the caller terminates it after.
 */
import type { ViewIndexRequest } from './local-view.types'
import { buildViewIndex } from './view-index.utils'

const scope = self as unknown as DedicatedWorkerGlobalScope

scope.onmessage = (event: MessageEvent<ViewIndexRequest>) => {
  try {
    const index = buildViewIndex(event.data)
    scope.postMessage({ index }, [index.buffer])
  } catch (error) {
    scope.postMessage({ error: error instanceof Error ? error.message : String(error) })
  }
}
