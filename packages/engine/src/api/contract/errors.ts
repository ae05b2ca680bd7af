/**
 * Stable error codes of the engine API. A code never changes meaning; new codes are added, old ones kept.
 *
 * - `BAD_INPUT`: the request does not match the method's schema (4xx; nothing was changed).
 * - `UNAUTHORIZED`: no or a wrong access token (401).
 * - `NOT_FOUND`: an unknown method, query, export job or file (404).
 * - `HUB_UNAVAILABLE`: the hub PostgreSQL is not running or did not answer (503).
 * - `HUB_START_FAILED`: the embedded hub could not be initialised or started.
 * - `HUB_QUERY_FAILED`: PostgreSQL rejected a statement; `detail` keeps SQLSTATE, position and hint.
 * - `QUERY_CANCELED`: the user canceled the query, or its statement timeout expired (`detail.reason`).
 * - `QUERY_NOT_READ_ONLY`: the statement tried to write; the hub runs user SQL in READ ONLY transactions.
 * - `CONFIG_INVALID`: the sources config file is malformed; `detail` has file, line and column.
 * - `SOURCE_SETUP_FAILED`: creating a source's extension, foreign server, user mapping or foreign tables failed.
 * - `FDW_NOT_AVAILABLE`: the hub cannot install the FDW extension a source needs; the message names the package.
 * - `SOURCE_UNREACHABLE`: the source's host did not answer (refused, unknown host, timeout).
 * - `SOURCE_AUTH_FAILED`: the source refused the credentials, or the hub may not read the file.
 * - `SOURCE_NOT_FOUND`: the database, schema, table or file a source names does not exist.
 * - `SOURCE_OPTION_INVALID`: an FDW option is unknown or has a wrong value; `detail.validOptions` when known.
 * - `SOURCE_EXISTS`: a source of that name is already in the hub.
 * - `VAULT_LOCKED`: a secret must be stored but `IDW_MASTER_KEY` is unset, malformed or not the vault's key.
 * - `EXPORT_FAILED`: an export could not be written; no file was left under the final name.
 * - `EXPORT_CANCELED`: the export was canceled; no file was left under the final name.
 * - `INTERNAL`: a bug; the message is generic and the cause is logged, never sent.
 */
export type EngineErrorCode =
  | 'BAD_INPUT'
  | 'UNAUTHORIZED'
  | 'NOT_FOUND'
  | 'HUB_UNAVAILABLE'
  | 'HUB_START_FAILED'
  | 'HUB_QUERY_FAILED'
  | 'QUERY_CANCELED'
  | 'QUERY_NOT_READ_ONLY'
  | 'CONFIG_INVALID'
  | 'SOURCE_SETUP_FAILED'
  | 'FDW_NOT_AVAILABLE'
  | 'SOURCE_UNREACHABLE'
  | 'SOURCE_AUTH_FAILED'
  | 'SOURCE_NOT_FOUND'
  | 'SOURCE_OPTION_INVALID'
  | 'SOURCE_EXISTS'
  | 'VAULT_LOCKED'
  | 'EXPORT_FAILED'
  | 'EXPORT_CANCELED'
  | 'INTERNAL'

/** HTTP status for each error code, used by the web host and by clients to classify failures. */
export const ERROR_HTTP_STATUS: Readonly<Record<EngineErrorCode, number>> = {
  BAD_INPUT: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  HUB_UNAVAILABLE: 503,
  HUB_START_FAILED: 503,
  HUB_QUERY_FAILED: 422,
  QUERY_CANCELED: 409,
  QUERY_NOT_READ_ONLY: 403,
  CONFIG_INVALID: 400,
  SOURCE_SETUP_FAILED: 502,
  FDW_NOT_AVAILABLE: 501,
  SOURCE_UNREACHABLE: 502,
  SOURCE_AUTH_FAILED: 422,
  SOURCE_NOT_FOUND: 422,
  SOURCE_OPTION_INVALID: 400,
  SOURCE_EXISTS: 409,
  VAULT_LOCKED: 423,
  EXPORT_FAILED: 500,
  EXPORT_CANCELED: 409,
  INTERNAL: 500,
}

/** The serialized form of an error as it crosses a transport: never a stack trace, never a secret. */
export interface ErrorBody {
  code: EngineErrorCode
  message: string
  /** Structured facts a client may show: SQLSTATE, position, hint, file/line/column… */
  detail?: Record<string, unknown>
}

/**
 * The one error class of the engine. `code` is stable; `message` says what to do; `cause` keeps the original
 * error (a pg `DatabaseError`, a file system error) for logs only.
 */
export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly detail?: Record<string, unknown>,
    options?: ErrorOptions,
  ) {
    super(message, options)
    this.name = 'EngineError'
  }

  /** The transport form: code, message and detail, nothing else. */
  toBody(): ErrorBody {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail }
  }
}

/** True when `value` is an `ErrorBody` (as parsed from JSON). */
export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorBody).code === 'string' &&
    typeof (value as ErrorBody).message === 'string'
  )
}
