import type { EngineErrorCode } from '@idw/engine/api'

/**
 * Codes a client error may carry: the engine's codes, plus
 * - `TRANSPORT_FAILED`: the host could not be reached (network down, Electron bridge gone);
 * - `BAD_RESPONSE`: the host answered something that is not the API's shape (e.g. a proxy's HTML page).
 */
export type ClientErrorCode = EngineErrorCode | 'TRANSPORT_FAILED' | 'BAD_RESPONSE'

/**
 * The one error class of the UI's engine clients: the engine's `{ code, message, detail }` as it crossed the
 * transport (never a stack trace). `detail` holds e.g. `sqlstate`, `position`, `hint` of a PostgreSQL error.
 */
export class EngineClientError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly detail?: Record<string, unknown>,
    options?: ErrorOptions,
  ) {
    super(message, options)
    this.name = 'EngineClientError'
  }
}
