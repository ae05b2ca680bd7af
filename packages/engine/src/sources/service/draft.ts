import { EngineError } from '../../api/contract/errors.js'
import type { FormDraft, SourceDraft, UriDraft } from '../../api/contract/sources.js'
import type { EnvVars } from '../env-substitution.js'
import { fdwAdapter } from '../fdw/index.js'
import type { SecretRefs } from '../hub-metadata.js'
import { isSecretOption } from '../secret-options.js'
import type { SourceConfig } from '../source-config.js'
import { parseSourceUri } from '../source-uri.js'

/** A draft made into the source to apply, with where each secret will be kept. */
export interface ResolvedDraft {
  /** The source with real secret values (never log it). */
  source: SourceConfig
  /** `user_mapping.password` → `env:NAME` or `vault:<entry>`. */
  secretRefs: SecretRefs
  /** Vault entries to write once the source is in the hub: `[entry, value]`. */
  vaultWrites: Array<[string, string]>
}

const ENV_REFERENCE = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/

function badInput(message: string, path: string): EngineError {
  return new EngineError('BAD_INPUT', message, { issues: [{ path, message }] })
}

/** The vault entry of one secret option of source `name`. */
export function vaultEntry(name: string, scope: 'server' | 'user_mapping', option: string): string {
  return `source:${name}:${scope}:${option}`
}

function fromUri(draft: UriDraft): SourceConfig {
  let source: SourceConfig
  try {
    source = parseSourceUri(draft.name, draft.uri)
  } catch (err) {
    throw badInput(`invalid URI: ${(err as Error).message}`, 'source.uri')
  }
  if (draft.limitTo && !source.importSchema)
    throw badInput(`limitTo applies to sources that import a schema, not to ${source.extension}`, 'source.limitTo')
  const userMapping = source.userMappingOptions
  return {
    ...source,
    serverOptions: { ...source.serverOptions, ...(draft.serverOptions ?? {}) },
    userMappingOptions:
      userMapping && draft.password !== undefined ? { ...userMapping, password: draft.password } : userMapping,
    importSchema: source.importSchema && {
      ...source.importSchema,
      ...(draft.limitTo ? { limitTo: draft.limitTo } : {}),
      ...(draft.importOptions ? { options: { ...source.importSchema.options, ...draft.importOptions } } : {}),
    },
    tags: draft.tags ?? [],
  }
}

function fromForm(draft: FormDraft): SourceConfig {
  const adapter = fdwAdapter(draft.extension)
  if (draft.importSchema && !adapter.supportsImport)
    throw badInput(`${draft.extension} cannot import a schema; give its tables`, 'source.importSchema')
  draft.tables?.forEach((t, i) => {
    if (!t.columns && (draft.extension !== 'file_fdw' || t.options.filename === undefined))
      throw badInput(
        `list the columns of table "${t.name}" (they are inferred only for file_fdw tables with a filename)`,
        `source.tables.${i}.columns`,
      )
  })
  return {
    name: draft.name,
    extension: draft.extension,
    serverOptions: draft.serverOptions,
    userMappingOptions:
      draft.userMappingOptions ?? (draft.extension === 'file_fdw' || draft.extension === 'ogr_fdw' ? null : {}),
    importSchema: draft.importSchema
      ? {
          remoteSchema: draft.importSchema.remoteSchema,
          ...(draft.importSchema.limitTo ? { limitTo: draft.importSchema.limitTo } : {}),
          ...(draft.importSchema.except ? { except: draft.importSchema.except } : {}),
          ...(draft.importSchema.options ? { options: draft.importSchema.options } : {}),
        }
      : null,
    tables:
      draft.tables?.map((t) =>
        t.columns
          ? { name: t.name, options: t.options, columns: t.columns.map((c) => ({ ...c })) }
          : { name: t.name, options: t.options, columns: [], inferColumns: true },
      ) ?? null,
    cache: null,
    tags: draft.tags ?? [],
  }
}

/**
 * Makes a draft (URI or form) into the source to apply. A secret option written `${NAME}` is read from `env`
 * and recorded as `env:NAME`; any other non-empty secret goes to the vault (`vaultWrites`) and is recorded as
 * `vault:<entry>`. Nothing is written here.
 * @throws EngineError `BAD_INPUT` (invalid URI, limitTo without import, missing columns, unset variable).
 */
export function resolveDraft(draft: SourceDraft, env: EnvVars): ResolvedDraft {
  const source = draft.kind === 'uri' ? fromUri(draft) : fromForm(draft)
  const secretRefs: Record<string, string> = {}
  const vaultWrites: Array<[string, string]> = []
  const resolve = (
    scope: 'server' | 'user_mapping',
    options: Readonly<Record<string, string>>,
  ): Record<string, string> =>
    Object.fromEntries(
      Object.entries(options).map(([key, value]) => {
        if (!isSecretOption(key) || value === '') return [key, value]
        const reference = ENV_REFERENCE.exec(value)?.[1]
        if (reference !== undefined) {
          const resolved = env[reference]
          if (resolved === undefined)
            throw badInput(`environment variable ${reference} is not set in the engine's environment`, `source.${key}`)
          secretRefs[`${scope}.${key}`] = `env:${reference}`
          return [key, resolved]
        }
        const entry = vaultEntry(source.name, scope, key)
        secretRefs[`${scope}.${key}`] = `vault:${entry}`
        vaultWrites.push([entry, value])
        return [key, value]
      }),
    )
  return {
    source: {
      ...source,
      serverOptions: resolve('server', source.serverOptions),
      userMappingOptions: source.userMappingOptions && resolve('user_mapping', source.userMappingOptions),
    },
    secretRefs,
    vaultWrites,
  }
}
