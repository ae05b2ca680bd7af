import { isErrorBody } from '@idw/engine/api'
import { EngineClientError } from './client-error'

/**
 * Turns a failed HTTP answer into an `EngineClientError`. The web host answers `{ "error": { code, message,
 * detail? } }` with a status ≥ 400; anything else (a proxy's HTML page, an empty body) is `BAD_RESPONSE`
 * naming the HTTP status.
 */
export function errorFromHttpBody(status: number, statusText: string, bodyText: string): EngineClientError {
  const body = parseJson(bodyText)
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined
  if (isErrorBody(error)) return new EngineClientError(error.code, error.message, error.detail)
  const label = `${status}${statusText === '' ? '' : ` ${statusText}`}`
  return new EngineClientError('BAD_RESPONSE', `The workbench host answered HTTP ${label} without an API error body`, {
    status,
  })
}

/**
 * Turns whatever a transport rejected with into an `EngineClientError`: an `{ code, message, detail }` body is
 * kept as is; an `EngineClientError` passes through; any other error means the transport itself failed.
 */
export function toClientError(reason: unknown): EngineClientError {
  if (reason instanceof EngineClientError) return reason
  if (isErrorBody(reason)) return new EngineClientError(reason.code, reason.message, reason.detail)
  const message = reason instanceof Error ? reason.message : String(reason)
  return new EngineClientError('TRANSPORT_FAILED', `Could not reach the workbench engine: ${message}`, undefined, {
    cause: reason,
  })
}

/** True when `reason` is the rejection of an aborted fetch or stream read. */
export function isAbortError(reason: unknown): boolean {
  return typeof reason === 'object' && reason !== null && (reason as { name?: unknown }).name === 'AbortError'
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
