import { ZodError } from 'zod'
import { EngineError, type ErrorBody } from './contract/errors.js'

/** Where unexpected errors are reported (a pino logger fits). */
export interface ErrorLog {
  error(obj: object, msg: string): void
}

/**
 * Turns anything thrown by a handler into the transport form `{ code, message, detail }`.
 *
 * `EngineError` keeps its code; a `ZodError` (input validation) becomes `BAD_INPUT` listing each issue's path and
 * message; anything else is a bug: logged in full and answered as `INTERNAL` with a generic message, so no stack
 * trace or secret reaches a user.
 */
export function toErrorBody(err: unknown, log: ErrorLog): ErrorBody {
  if (err instanceof EngineError) return err.toBody()
  if (err instanceof ZodError) {
    const issues = err.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
    const first = issues[0]
    const where = first && first.path !== '' ? ` at "${first.path}"` : ''
    return { code: 'BAD_INPUT', message: `invalid input${where}: ${first?.message ?? 'rejected'}`, detail: { issues } }
  }
  log.error({ err }, 'unexpected error in an engine handler')
  return { code: 'INTERNAL', message: 'internal error in the engine; the engine log has the details' }
}
