import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { isScalar, parseDocument, visit, type Document, type Scalar } from 'yaml'
import { EngineError } from '../api/contract/errors.js'
import { ConfigErrors } from './config-errors.js'
import { SourceName, SourceObject, SourcesFile } from './config-schema.js'
import {
  EnvReferenceError,
  maskReferences,
  resolveReferences,
  unmask,
  type EnvReference,
  type EnvVars,
  type MaskedText,
} from './env-substitution.js'
import { isSecretOption } from './secret-options.js'
import type { SourceConfig, SourcesConfig } from './source-config.js'
import { sqlName } from './sql-names.js'
import { looksLikeUri, parseSourceUri, uriPassword } from './source-uri.js'
import { locateNode } from './yaml-locate.js'

/**
 * Substitutes the masked `${ENV}` references in every scalar; returns the scalars that held one, with the text
 * written in the file. Values inside a URI are percent-encoded.
 */
function substituteScalars(
  doc: Document,
  references: readonly EnvReference[],
  env: EnvVars,
  errors: ConfigErrors,
): Map<Scalar, string> {
  const originals = new Map<Scalar, string>()
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return
      const original = unmask(node.value, references)
      try {
        const { text, substituted } = resolveReferences(
          node.value,
          references,
          env,
          looksLikeUri(original) ? encodeURIComponent : undefined,
        )
        if (!substituted) return
        node.value = text
        originals.set(node, original)
      } catch (err) {
        if (!(err instanceof EnvReferenceError)) throw err
        throw errors.at(err.index, err.message)
      }
    },
  })
  return originals
}

/**
 * Rejects a non-empty secret option (or URI password) written in plain text instead of `${ENV}`; `base` is the
 * source's path in the document (`['sources', name]`, or `[]` for a single-source file).
 */
function checkSecrets(
  name: string,
  source: SourceConfig,
  originals: Map<Scalar, string>,
  errors: ConfigErrors,
  base: PropertyKey[],
): void {
  const fromEnv = (path: PropertyKey[]): boolean => {
    const node = locateNode(errors.doc, path)
    return isScalar(node) && originals.has(node)
  }
  const uriNode = locateNode(errors.doc, base)
  if (base.length > 0 && isScalar(uriNode) && typeof uriNode.value === 'string') {
    const written = originals.get(uriNode) ?? String(uriNode.value)
    const password = uriPassword(written) ?? ''
    if (password !== '' && !password.includes('${'))
      throw errors.atPath(base, `the password of source "${name}" is written in plain text; write it as \${ENV_VAR}`)
    return
  }
  const sets: Array<[PropertyKey[], Readonly<Record<string, string>> | null]> = [
    [[...base, 'server', 'options'], source.serverOptions],
    [[...base, 'user_mapping', 'options'], source.userMappingOptions],
  ]
  for (const [path, options] of sets) {
    for (const [key, value] of Object.entries(options ?? {})) {
      if (isSecretOption(key) && value !== '' && !fromEnv([...path, key])) {
        throw errors.atPath(
          [...path, key],
          `option "${key}" of source "${name}" is written in plain text; write it as \${ENV_VAR} so the secret stays out of the file`,
        )
      }
    }
  }
}

function normalise(name: string, v: SourceObject): SourceConfig {
  const spec = v.import_schema
  return {
    name,
    extension: v.extension,
    serverOptions: v.server.options,
    userMappingOptions: v.user_mapping?.options ?? null,
    importSchema: spec
      ? {
          remoteSchema: spec.remote_schema,
          ...(spec.limit_to ? { limitTo: spec.limit_to } : {}),
          ...(spec.except ? { except: spec.except } : {}),
          ...(spec.options ? { options: spec.options } : {}),
        }
      : null,
    tables:
      v.tables?.map((t) =>
        t.columns
          ? { name: t.name, options: t.options, columns: t.columns.map((c) => ({ ...c })) }
          : { name: t.name, options: t.options, columns: [], inferColumns: true },
      ) ?? null,
    cache: v.cache
      ? {
          ...(v.cache.strategy ? { strategy: v.cache.strategy } : {}),
          ...(v.cache.ttl_seconds !== undefined ? { ttlSeconds: v.cache.ttl_seconds } : {}),
        }
      : null,
    tags: v.tags,
  }
}

/**
 * The single-source form: `extension`, `server`, `user_mapping`, `import_schema` or `tables` at the top level,
 * with an optional `name` (default: the file name as an SQL name, `orders.yaml` → `orders`).
 */
function parseSingleSource(
  data: Record<string, unknown>,
  originals: Map<Scalar, string>,
  errors: ConfigErrors,
): SourcesConfig {
  const { name: given, ...rest } = data
  const name = given === undefined ? sqlName(path.basename(errors.file).replace(/\.[^.]*$/, ''), 'source', 58) : given
  const checkedName = SourceName.safeParse(name)
  if (!checkedName.success)
    throw errors.atPath(
      given === undefined ? [] : ['name'],
      `source "${String(name)}": ${checkedName.error.issues[0]?.message ?? 'invalid name'}${given === undefined ? ' (add name: to the file)' : ''}`,
    )
  const parsed = SourceObject.safeParse(rest)
  if (!parsed.success) throw errors.fromZod([], parsed.error)
  const source = normalise(checkedName.data, parsed.data)
  checkSecrets(checkedName.data, source, originals, errors, [])
  return { sources: { [checkedName.data]: source } }
}

/**
 * Parses a sources file (YAML, the format of DESIGN.md): either a `sources:` map (each entry a source object
 * or a URI) or one source at the top level (`extension`, `server`, `user_mapping`, `import_schema` or
 * `tables`, optional `name`). `${ENV}` / `${ENV:-default}` are substituted in values from `env`, each source
 * validated, URIs (`mysql://…`, `postgresql://…`, `file:///…`) expanded. Secret options (passwords) must come
 * from `${ENV}`; file_fdw tables without `columns` get `inferColumns` (read from the file at apply).
 * @throws EngineError `CONFIG_INVALID` with `detail: { file, line, column, path? }` and a message starting
 *   `file:line:column:` for the first mistake (YAML syntax, unknown key, wrong type, unset variable…).
 */
export function parseSourcesConfig(text: string, fileName: string, env: EnvVars = process.env): SourcesConfig {
  let masked: MaskedText
  try {
    masked = maskReferences(text)
  } catch (err) {
    if (!(err instanceof EnvReferenceError)) throw err
    throw new ConfigErrors(fileName, text, parseDocument('')).at(err.index, err.message)
  }
  const doc = parseDocument(masked.text, { prettyErrors: false, uniqueKeys: true })
  const errors = new ConfigErrors(fileName, text, doc)
  const syntax = doc.errors[0]
  if (syntax) throw errors.at(syntax.pos[0], unmask(syntax.message.split('\n')[0] ?? 'invalid YAML', masked.references))
  const originals = substituteScalars(doc, masked.references, env, errors)
  const data: unknown = doc.toJS()
  if (data === null || data === undefined) throw errors.at(0, 'the file is empty; expected a mapping with "sources:"')
  if (typeof data === 'object' && !Array.isArray(data) && 'extension' in data)
    return parseSingleSource(data as Record<string, unknown>, originals, errors)
  const file = SourcesFile.safeParse(data)
  if (!file.success) throw errors.fromZod([], file.error)
  const sources: Record<string, SourceConfig> = {}
  for (const [name, value] of Object.entries(file.data.sources)) {
    const checkedName = SourceName.safeParse(name)
    if (!checkedName.success)
      throw errors.atPath(
        ['sources'],
        `source "${name}": ${checkedName.error.issues[0]?.message ?? 'invalid name'}`,
        name,
      )
    if (typeof value === 'string') {
      try {
        sources[name] = parseSourceUri(name, value)
      } catch (err) {
        throw errors.atPath(['sources', name], `source "${name}": ${(err as Error).message}`)
      }
    } else {
      const parsed = SourceObject.safeParse(value)
      if (!parsed.success) throw errors.fromZod(['sources', name], parsed.error)
      sources[name] = normalise(name, parsed.data)
    }
    checkSecrets(name, sources[name] as SourceConfig, originals, errors, ['sources', name])
  }
  return { sources, ...(file.data.demo !== undefined ? { demo: file.data.demo } : {}) }
}

/**
 * Reads and parses the sources file at `path` (see `parseSourcesConfig`).
 * @throws EngineError `CONFIG_INVALID` when the file cannot be read or is invalid.
 */
export async function loadSourcesConfig(path: string, env: EnvVars = process.env): Promise<SourcesConfig> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    throw new EngineError(
      'CONFIG_INVALID',
      `cannot read the sources file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      { file: path, line: 1, column: 1 },
      { cause: err },
    )
  }
  return parseSourcesConfig(text, path, env)
}
