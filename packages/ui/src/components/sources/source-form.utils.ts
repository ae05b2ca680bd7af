import { SourceName } from '@idw/engine/api'
import type { FdwExtension, FormDraft, ParseUriOutput, SourceType } from '@idw/engine/api'
import { defaultRemoteSchema, fieldKey, formFields, remoteSchemaField } from './source-fields.utils'

/** What the "Add source" form holds while it is edited (nothing here is saved until `sources/add`). */
export interface SourceForm {
  extension: FdwExtension
  name: string
  /** The user typed the name; until then it follows the database or file name. */
  nameEdited: boolean
  /** Option values by `<scope>.<option>` (`server.host`, `user_mapping.password`); `''` = not set. */
  values: Record<string, string>
  /** The schema (MySQL: database) to import; `''` = the type's default. Unused by file_fdw. */
  remoteSchema: string
  /** The hub table of a file_fdw source; `''` = named after the file. */
  tableName: string
  /** Tables a URI named (`tables=`): the picker starts with them. */
  limitTo: string[] | null
  /** The password field holds the password of the pasted URI. */
  passwordFromUri: boolean
}

/** Keys of `setFormValue` that are not options. */
export type FormMetaKey = 'name' | 'remoteSchema' | 'tableName'

const PASSWORD_KEY = fieldKey('user_mapping', 'password')

/** Values a new form starts with: a file is most often a CSV with a header row. */
function startValues(extension: FdwExtension): Record<string, string> {
  return extension === 'file_fdw' ? { 'table.format': 'csv', 'table.header': 'true' } : {}
}

/** An empty form for a type picked from the cards. */
export function emptyForm(extension: FdwExtension): SourceForm {
  return {
    extension,
    name: '',
    nameEdited: false,
    values: startValues(extension),
    remoteSchema: '',
    tableName: '',
    limitTo: null,
    passwordFromUri: false,
  }
}

function prefixed(scope: string, options: Record<string, string> | null | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(options ?? {}).map(([name, value]) => [fieldKey(scope, name), value]))
}

/**
 * The form of a parsed URI (`sources/parse-uri`): its options under their scopes, remote schema, file table,
 * `tables=` list and suggested name, plus `password` (read from the URI by `passwordFromUri`, since the engine
 * never answers one).
 */
export function formFromParsedUri(parsed: ParseUriOutput, password: string | null): SourceForm {
  const { draft } = parsed
  const table = draft.tables?.[0]
  const values = {
    ...prefixed('server', draft.serverOptions),
    ...prefixed('user_mapping', draft.userMappingOptions),
    ...prefixed('import', draft.importSchema?.options),
    ...prefixed('table', table?.options),
    ...(password === null ? {} : { [PASSWORD_KEY]: password }),
  }
  return {
    extension: draft.extension,
    name: parsed.suggestedName,
    nameEdited: false,
    values,
    remoteSchema: draft.importSchema?.remoteSchema ?? '',
    tableName: table?.name ?? '',
    limitTo: draft.importSchema?.limitTo ?? null,
    passwordFromUri: password !== null,
  }
}

/**
 * `Sales Data-2024.csv` → `sales_data_2024`: lower-case letters, digits and `_`, not starting with a digit, at
 * most 58 characters (the rules of `SourceName`); `''` when nothing is left.
 */
export function toSqlName(text: string): string {
  const base = text
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '')
  if (base === '') return ''
  return (/^[0-9]/.test(base) ? `s_${base}` : base).slice(0, 58)
}

function fileBase(path: string): string {
  const file = path.split(/[\\/]/).pop() ?? ''
  return file.replace(/\.[^.]*$/, '')
}

/** The name a source gets from what the form says: the database, schema or file name. */
export function suggestName(form: SourceForm): string {
  const v = form.values
  switch (form.extension) {
    case 'mysql_fdw':
      return toSqlName(form.remoteSchema)
    case 'postgres_fdw':
      return toSqlName(v['server.dbname'] ?? '')
    case 'tds_fdw':
      return toSqlName(v['server.database'] ?? '')
    case 'file_fdw':
      return toSqlName(form.tableName || fileBase(v['table.filename'] ?? ''))
    case 'ogr_fdw':
      return toSqlName(fileBase(v['server.datasource'] ?? ''))
  }
}

/** The form with one value changed; the name follows the database or file until the user types one. */
export function setFormValue(form: SourceForm, key: FormMetaKey | string, value: string): SourceForm {
  if (key === 'name') return { ...form, name: value, nameEdited: value !== '' }
  const next: SourceForm =
    key === 'remoteSchema' || key === 'tableName'
      ? { ...form, [key]: value }
      : {
          ...form,
          values: { ...form.values, [key]: value },
          passwordFromUri: key === PASSWORD_KEY ? false : form.passwordFromUri,
        }
  if (next.nameEdited) return next
  const suggested = suggestName(next)
  return suggested === '' ? next : { ...next, name: suggested }
}

/** The hub table name of a file_fdw form. */
export function fileTableName(form: SourceForm): string {
  return form.tableName.trim() || toSqlName(fileBase(form.values['table.filename'] ?? ''))
}

/**
 * The draft `sources/test`, `sources/remote-tables` and `sources/add` take (`{ kind: 'form', … }`): the set
 * options under their scope (secrets as typed, other values trimmed), the remote schema to import with
 * `limitTo` (null: every table, so a later refresh also brings new ones), or the file's one table.
 */
export function formToDraft(form: SourceForm, type: SourceType, limitTo: string[] | null = null): FormDraft {
  const secret = new Set(type.options.filter((o) => o.secret).map((o) => fieldKey(o.scope, o.name)))
  const scoped = (scope: string): Record<string, string> => {
    const out: Record<string, string> = {}
    for (const [key, raw] of Object.entries(form.values)) {
      if (!key.startsWith(`${scope}.`)) continue
      const value = secret.has(key) ? raw : raw.trim()
      if (value !== '') out[key.slice(scope.length + 1)] = value
    }
    return out
  }
  const base = { kind: 'form' as const, name: form.name.trim(), extension: form.extension }
  if (form.extension === 'file_fdw')
    return { ...base, serverOptions: {}, tables: [{ name: fileTableName(form), options: scoped('table') }] }
  const userMapping = scoped('user_mapping')
  const importOptions = scoped('import')
  return {
    ...base,
    serverOptions: scoped('server'),
    ...(Object.keys(userMapping).length > 0 ? { userMappingOptions: userMapping } : {}),
    importSchema: {
      remoteSchema: form.remoteSchema.trim() || defaultRemoteSchema(form.extension),
      ...(limitTo !== null && limitTo.length > 0 ? { limitTo } : {}),
      ...(Object.keys(importOptions).length > 0 ? { options: importOptions } : {}),
    },
  }
}

const NUMBER = /^-?\d+(\.\d+)?$/
const INTEGER = /^-?\d+$/

/** What keeps the form from being tested or added, one sentence each (empty when it is complete). */
export function formProblems(form: SourceForm, type: SourceType): string[] {
  const problems: string[] = []
  const name = form.name.trim()
  if (name === '') problems.push('Give the source a name.')
  else {
    const parsed = SourceName.safeParse(name)
    if (!parsed.success) problems.push(`Source name: ${parsed.error.issues[0]?.message ?? 'invalid'}.`)
  }
  for (const field of formFields(type)) {
    const value = (form.values[field.key] ?? '').trim()
    if (value === '') {
      if (field.mandatory) problems.push(`${field.label} is required.`)
    } else if (field.option.type === 'integer' && !INTEGER.test(value))
      problems.push(`${field.label} is a whole number.`)
    else if (field.option.type === 'number' && !NUMBER.test(value)) problems.push(`${field.label} is a number.`)
  }
  const schema = remoteSchemaField(form.extension)
  if (schema !== null && schema.defaultValue === null && form.remoteSchema.trim() === '')
    problems.push(`${schema.label} is required.`)
  if (form.extension === 'file_fdw' && fileTableName(form) === '') problems.push('Give the table a name.')
  return problems
}

/** Values of the form that are not in the type's catalog (kept from a URI, e.g. `sslmode`), shown as text fields. */
export function extraValueKeys(form: SourceForm, type: SourceType): string[] {
  const known = new Set(type.options.map((o) => fieldKey(o.scope, o.name)))
  return Object.keys(form.values).filter((key) => !known.has(key))
}
