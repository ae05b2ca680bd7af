import type { EngineErrorCode } from '../../api/contract/errors.js'
import type { OptionScope, TestVerdict } from '../../api/contract/sources.js'
import type { DdlAction } from '../ddl-statement.js'
import { fdwAdapter } from '../fdw/index.js'
import type { SourceConfig } from '../source-config.js'
import { closest } from './levenshtein.js'

/** What PostgreSQL (or the FDW through it) said. */
export interface PgFailure {
  sqlstate?: string
  message: string
  /** pg's DETAIL (postgres_fdw puts libpq's reason there). */
  detail?: string
  hint?: string
}

/** A failure understood: the verdict, its error code, what happened and what to do. */
export interface FailureVerdict {
  verdict: Exclude<TestVerdict, 'ok'>
  code: EngineErrorCode
  message: string
  action: string
  /** For `option_invalid`: the options valid in that place, when known. */
  validOptions?: string[]
}

/** The error code of each verdict (`sources/add` throws it; `sources/test` answers it). */
export const VERDICT_CODES: Readonly<Record<Exclude<TestVerdict, 'ok'>, EngineErrorCode>> = {
  fdw_missing: 'FDW_NOT_AVAILABLE',
  host_unreachable: 'SOURCE_UNREACHABLE',
  timeout: 'SOURCE_UNREACHABLE',
  auth_failed: 'SOURCE_AUTH_FAILED',
  permission_denied: 'SOURCE_AUTH_FAILED',
  database_missing: 'SOURCE_NOT_FOUND',
  schema_missing: 'SOURCE_NOT_FOUND',
  table_missing: 'SOURCE_NOT_FOUND',
  file_missing: 'SOURCE_NOT_FOUND',
  option_invalid: 'SOURCE_OPTION_INVALID',
  data_invalid: 'SOURCE_SETUP_FAILED',
  failed: 'SOURCE_SETUP_FAILED',
}

const SCOPE_OF: Partial<Record<DdlAction, OptionScope>> = {
  'create server': 'server',
  'alter server': 'server',
  'create user mapping': 'user_mapping',
  'alter user mapping': 'user_mapping',
  'import foreign schema': 'import',
  'create foreign table': 'table',
}

const AUTH =
  /password authentication failed|Access denied for user|Login failed|authentication failed|no password supplied|password is required|role ".*" does not exist|pg_hba\.conf|SCRAM/i
const UNREACHABLE =
  /Connection refused|could not translate host name|Unknown (MySQL )?server host|Can't connect to (MySQL )?server|No route to host|Network is unreachable|timeout expired|timed out|Lost connection to (MySQL )?server|Adaptive Server is unavailable|Unable to connect|Server name not found/i
const DATABASE = /database "[^"]*" does not exist|Unknown database|Cannot open database/i
const BAD_VALUE =
  /invalid value for .* option|requires an integer value|unable to find format|invalid (boolean|integer) value|is not a valid/i

function where(source: SourceConfig): string {
  return fdwAdapter(source.extension).describeLocation(source) ?? source.name
}

function user(source: SourceConfig): string | undefined {
  const options = source.userMappingOptions ?? {}
  return options.user ?? options.username
}

function optionFailure(source: SourceConfig, text: string, hint: string | undefined, step?: DdlAction): FailureVerdict {
  const name = /invalid option "([^"]+)"/.exec(text)?.[1]
  const scope = step ? SCOPE_OF[step] : undefined
  const hinted = /Valid options in this context are: (.*)$/m.exec(hint ?? '')?.[1]
  const valid = hinted
    ? hinted.split(', ').filter((o) => o !== '<none>')
    : fdwAdapter(source.extension)
        .options.filter((o) => scope === undefined || o.scope === scope)
        .map((o) => o.name)
  const catalogEntry = fdwAdapter(source.extension).options.find((o) => o.name === name && o.since !== undefined)
  const suggestion = name ? closest(name, valid) : undefined
  const place = scope ? `${scope.replace('_', ' ')} ` : ''
  const message = name
    ? `${source.extension} has no ${place}option "${name}"${catalogEntry ? ` on this hub (it exists from PostgreSQL ${catalogEntry.since})` : ''}`
    : `an option of ${source.extension} has an invalid value: ${text}`
  const action = name
    ? `${suggestion ? `did you mean "${suggestion}"? ` : ''}${valid.length > 0 ? `Valid ${place}options: ${valid.join(', ')}.` : 'Remove it.'}`
    : 'Fix the value (see the option catalog of sources/types).'
  return {
    verdict: 'option_invalid',
    code: 'SOURCE_OPTION_INVALID',
    message,
    action,
    ...(valid.length > 0 ? { validOptions: valid } : {}),
  }
}

function verdict(v: Exclude<TestVerdict, 'ok'>, message: string, action: string): FailureVerdict {
  return { verdict: v, code: VERDICT_CODES[v], message, action }
}

/**
 * Reads a failure of a source's setup or probe as a verdict a user can act on: host unreachable, timeout,
 * authentication failed, file permission, database / schema / table / file missing, FDW missing, invalid
 * option (with the valid ones and a "did you mean"), data not fitting the columns, else `failed`. Pure: it
 * looks at SQLSTATE and the FDWs' messages (postgres_fdw puts libpq's reason in DETAIL; mysql_fdw, ogr_fdw
 * and tds_fdw in the message). `text` fields are the caller's, already free of secrets.
 */
export function classifyFailure(source: SourceConfig, failure: PgFailure, step?: DdlAction): FailureVerdict {
  const text = [failure.message, failure.detail].filter(Boolean).join(': ')
  const at = where(source)
  const state = failure.sqlstate
  if (state === '57014')
    return verdict(
      'timeout',
      `${at} did not answer in time`,
      'Check the host and port, and that no firewall drops the connection.',
    )
  if (/extension control file|extension "[^"]+" is not available/i.test(text))
    return verdict(
      'fdw_missing',
      `the hub cannot install ${source.extension}`,
      `Install ${fdwAdapter(source.extension)
        .debianPackage(0)
        .replace(/^postgresql-0/, 'postgresql-<major>')} on the hub's server.`,
    )
  if (state === 'HV00D' || /invalid option "/.test(text)) return optionFailure(source, text, failure.hint, step)
  if (BAD_VALUE.test(text) || state === '22023') return optionFailure(source, text, undefined, step)
  if (AUTH.test(text)) {
    const who = user(source)
    return verdict(
      'auth_failed',
      `${at} refused ${who ? `user "${who}"` : 'the credentials'}: ${failure.detail ?? failure.message}`,
      source.extension === 'mysql_fdw'
        ? "Check the user name and password, and that the user may connect from the hub's host ('user'@'host' in MySQL)."
        : 'Check the user name and password, and that the server lets this user connect from the hub (pg_hba.conf).',
    )
  }
  if (UNREACHABLE.test(text))
    return verdict(
      'host_unreachable',
      `cannot reach ${at}: ${(failure.detail ?? failure.message).split('\n')[0]}`,
      "Check the host name and port, that the server is running, and that it accepts TCP connections from the hub's machine (firewall, bind-address).",
    )
  if (DATABASE.test(text))
    return verdict('database_missing', `the database does not exist on ${at}`, 'Check the database name.')
  if (state === 'HV00Q' || /is not present on foreign server/.test(text)) {
    const remote = source.importSchema?.remoteSchema ?? '?'
    return source.extension === 'mysql_fdw'
      ? verdict('database_missing', `database "${remote}" does not exist on ${at}`, 'Check the database name.')
      : verdict(
          'schema_missing',
          `schema "${remote}" does not exist on ${at}`,
          'Check the schema name (default public, or dbo on SQL Server).',
        )
  }
  if (/Permission denied/i.test(text) || state === '42501')
    return verdict(
      'permission_denied',
      `the hub may not read ${at}: ${failure.message}`,
      "Make the file readable by the OS user the hub's PostgreSQL runs as (chmod 644 the file, 755 its folders).",
    )
  if (
    state === '58P01' ||
    /No such file or directory|unable to connect to data source|unable to open datasource/i.test(text)
  )
    return verdict(
      'file_missing',
      `${at} cannot be opened on the hub's machine: ${failure.message}`,
      "Give the path of a file on the machine where the hub's PostgreSQL runs; it reads files there, not on yours.",
    )
  if (state === '42P01' && step === 'create view')
    return verdict(
      'table_missing',
      `a table listed in limit_to was not found in remote schema "${source.importSchema?.remoteSchema}" (${failure.message})`,
      'Pick tables from sources/remote-tables.',
    )
  if (state !== undefined && /^22/.test(state))
    return verdict(
      'data_invalid',
      `the data does not fit the columns: ${failure.message}`,
      'Declare the column types (text reads anything), or set on_error ignore (PostgreSQL 17+) to skip bad rows.',
    )
  return verdict('failed', failure.message, 'See detail for what PostgreSQL said.')
}
