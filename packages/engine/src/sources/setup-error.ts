import { EngineError } from '../api/contract/errors.js'
import type { DdlStatement } from './ddl-statement.js'
import { classifyFailure, type FailureVerdict } from './probe/classify-error.js'
import { isSecretOption } from './secret-options.js'
import type { SourceConfig } from './source-config.js'

/** The fields of a pg `DatabaseError` worth keeping (read without importing pg). */
export function pgFields(err: unknown): Record<string, string> {
  const e = err as Record<string, unknown>
  const keep = ['code', 'detail', 'hint', 'position', 'where'] as const
  const names = { code: 'sqlstate', detail: 'pgDetail', hint: 'hint', position: 'position', where: 'where' } as const
  return Object.fromEntries(keep.filter((k) => typeof e[k] === 'string').map((k) => [names[k], e[k] as string]))
}

/** The non-empty secret option values of `source` (passwords), longest first. */
export function secretValues(source: SourceConfig): string[] {
  return [...Object.entries(source.serverOptions), ...Object.entries(source.userMappingOptions ?? {})]
    .filter(([k, v]) => isSecretOption(k) && v.length > 0)
    .map(([, v]) => v)
    .sort((a, b) => b.length - a.length)
}

/** Secrets this short are masked only as whole words: masking `x` inside "exist" would garble messages. */
const SHORT_SECRET = 6

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * `text` with every secret option value of `source` replaced by `***`: everywhere for secrets of 6 characters
 * or more, as whole words (not inside a longer word) for shorter ones.
 */
export function redactSecrets(text: string, source: SourceConfig): string {
  return secretValues(source).reduce(
    (out, secret) =>
      secret.length >= SHORT_SECRET
        ? out.replaceAll(secret, '***')
        : out.replace(new RegExp(`(?<![A-Za-z0-9_])${escapeRegExp(secret)}(?![A-Za-z0-9_])`, 'g'), '***'),
    text,
  )
}

/** Classifies a pg error thrown for `source` (secrets masked in every field read). */
export function classifyPgError(
  source: SourceConfig,
  err: unknown,
  step?: DdlStatement,
): FailureVerdict & {
  detail: Record<string, string>
} {
  const fields = Object.fromEntries(Object.entries(pgFields(err)).map(([k, v]) => [k, redactSecrets(v, source)]))
  const message = redactSecrets(err instanceof Error ? err.message : String(err), source)
  const verdict = classifyFailure(
    source,
    {
      message,
      ...(fields.sqlstate ? { sqlstate: fields.sqlstate } : {}),
      ...(fields.pgDetail ? { detail: fields.pgDetail } : {}),
      ...(fields.hint ? { hint: fields.hint } : {}),
    },
    step?.action,
  )
  return { ...verdict, detail: { ...fields, pgMessage: message, ...(step ? { statement: step.display } : {}) } }
}

/**
 * The EngineError for a statement PostgreSQL rejected while setting up `source`: its code says what went wrong
 * (`SOURCE_AUTH_FAILED`, `SOURCE_UNREACHABLE`, `SOURCE_NOT_FOUND`, `SOURCE_OPTION_INVALID`,
 * `FDW_NOT_AVAILABLE`, else `SOURCE_SETUP_FAILED`), its message names the source and what to do, and `detail`
 * keeps SQLSTATE, hint, position and the statement as displayed — every secret masked.
 */
export function setupError(source: SourceConfig, step: DdlStatement, err: unknown): EngineError {
  const found = classifyPgError(source, err, step)
  const detail: Record<string, unknown> = {
    source: source.name,
    verdict: found.verdict,
    action: found.action,
    ...found.detail,
    ...(found.validOptions ? { validOptions: found.validOptions } : {}),
  }
  return new EngineError(found.code, `source "${source.name}": ${found.message}. ${found.action}`, detail, {
    cause: err,
  })
}
