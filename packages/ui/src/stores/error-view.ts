import { toClientError } from '../client/client-error.utils'

/** An engine or transport error as the UI shows it: code, message and the engine's structured detail. */
export interface ErrorView {
  code: string
  message: string
  /** e.g. `sqlstate`, `position`, `hint`, `detail` of a PostgreSQL error. */
  detail?: Record<string, unknown>
}

/** The `ErrorView` of anything a client call rejected with (never a stack trace). */
export function toErrorView(reason: unknown): ErrorView {
  const error = toClientError(reason)
  return error.detail === undefined
    ? { code: error.code, message: error.message }
    : { code: error.code, message: error.message, detail: error.detail }
}
