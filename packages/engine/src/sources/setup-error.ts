import { EngineError } from '../api/contract/errors.js'
import type { DdlStatement } from './ddl-statement.js'
import { isSecretOption } from './secret-options.js'
import type { SourceConfig } from './source-config.js'

/** The fields of a pg `DatabaseError` worth keeping (read without importing pg). */
function pgFields(err: unknown): Record<string, string> {
  const e = err as Record<string, unknown>
  const keep = ['code', 'detail', 'hint', 'position', 'where'] as const
  const names = { code: 'sqlstate', detail: 'pgDetail', hint: 'hint', position: 'position', where: 'where' } as const
  return Object.fromEntries(keep.filter((k) => typeof e[k] === 'string').map((k) => [names[k], e[k] as string]))
}

/** `text` with every secret option value of `source` replaced by `***`. */
export function redactSecrets(text: string, source: SourceConfig): string {
  const secrets = [...Object.entries(source.serverOptions), ...Object.entries(source.userMappingOptions ?? {})]
    .filter(([k, v]) => isSecretOption(k) && v.length > 0)
    .map(([, v]) => v)
  return secrets.reduce((out, secret) => out.replaceAll(secret, '***'), text)
}

/**
 * `SOURCE_SETUP_FAILED` for a statement PostgreSQL rejected: names the source and the step, keeps SQLSTATE,
 * hint and position in `detail` with the statement as displayed (secrets masked), and explains the common
 * case of a `LIMIT TO` table the remote schema does not have.
 */
export function setupError(source: SourceConfig, step: DdlStatement, err: unknown): EngineError {
  const fields = pgFields(err)
  const reason = redactSecrets(err instanceof Error ? err.message : String(err), source)
  const missingTable = step.action === 'create view' && fields.sqlstate === '42P01' && source.importSchema !== null
  const message = missingTable
    ? `source "${source.name}": a table listed in limit_to was not found in remote schema "${source.importSchema?.remoteSchema}" (${reason})`
    : `source "${source.name}": ${step.action} failed: ${reason}`
  const detail = Object.fromEntries(
    Object.entries({ ...fields, statement: step.display }).map(([k, v]) => [k, redactSecrets(v, source)]),
  )
  return new EngineError('SOURCE_SETUP_FAILED', message, { source: source.name, ...detail }, { cause: err })
}
