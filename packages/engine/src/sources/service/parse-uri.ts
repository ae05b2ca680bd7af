import path from 'node:path'
import { EngineError } from '../../api/contract/errors.js'
import type { FormDraft, ParseUriInput, ParseUriOutput } from '../../api/contract/sources.js'
import { SourceName } from '../../api/contract/sources.js'
import { fdwAdapter } from '../fdw/index.js'
import { isSecretOption, withoutSecrets } from '../secret-options.js'
import type { SourceConfig } from '../source-config.js'
import { parseSourceUri } from '../source-uri.js'
import { sqlName } from '../sql-names.js'

/** A source name made from what the URI points at: the database, or the file's name. */
function suggestName(source: SourceConfig): string {
  const o = source.serverOptions
  const base =
    source.extension === 'postgres_fdw'
      ? o.dbname
      : source.extension === 'tds_fdw'
        ? o.database
        : source.extension === 'ogr_fdw'
          ? path.basename(o.datasource ?? '', path.extname(o.datasource ?? ''))
          : source.extension === 'file_fdw'
            ? source.tables?.[0]?.name
            : source.importSchema?.remoteSchema
  const name = sqlName(base ?? '', 'source', 58)
  return SourceName.safeParse(name).success ? name : sqlName(`${name}_source`, 'source', 58)
}

/**
 * Reads a URI into the dialog's form (`sources/parse-uri`): the same expansion as `sources/add`, with the
 * password left out (only `hasPassword` says there was one) and a suggested source name. Pure.
 * @throws EngineError `BAD_INPUT` for a URI that cannot be read (the message never holds the URI).
 */
export function parseUriToForm(input: ParseUriInput): ParseUriOutput {
  let source: SourceConfig
  try {
    source = parseSourceUri(input.name ?? 'source', input.uri)
  } catch (err) {
    const message = `invalid URI: ${(err as Error).message}`
    throw new EngineError('BAD_INPUT', message, { issues: [{ path: 'uri', message }] })
  }
  const suggestedName = suggestName(source)
  const hasPassword = Object.entries(source.userMappingOptions ?? {}).some(([k, v]) => isSecretOption(k) && v !== '')
  const draft: FormDraft = {
    kind: 'form',
    name: input.name ?? suggestedName,
    extension: source.extension as FormDraft['extension'],
    serverOptions: withoutSecrets(source.serverOptions),
    ...(source.userMappingOptions ? { userMappingOptions: withoutSecrets(source.userMappingOptions) } : {}),
    ...(source.importSchema ? { importSchema: { ...source.importSchema } } : {}),
    ...(source.tables
      ? {
          tables: source.tables.map((t) =>
            t.inferColumns
              ? { name: t.name, options: t.options }
              : { name: t.name, options: t.options, columns: [...t.columns] },
          ),
        }
      : {}),
  } as FormDraft
  return { draft, hasPassword, suggestedName, location: fdwAdapter(source.extension).describeLocation(source) }
}
