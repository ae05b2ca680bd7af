import type { FdwExtension, FdwOption, SourceType } from '@idw/engine/api'

/** How a form field is edited. `boolean` is a select (default / true / false) so "not set" stays possible. */
export type FieldControl = 'text' | 'path' | 'number' | 'password' | 'select' | 'boolean'

/** One input of the "Add source" form, made from an FDW option of the engine's catalog (`sources/types`). */
export interface FormField {
  /** `<scope>.<option>`, the key of the value in `SourceForm.values`. */
  key: string
  option: FdwOption
  label: string
  control: FieldControl
  /** Shown at once (`main`) or inside the collapsed advanced section. */
  group: 'main' | 'advanced'
  /** What the FDW (or the engine) does when the field is left empty, e.g. `5432`; or an example value. */
  placeholder: string
  /** Must be filled: required by the FDW and without a default. */
  mandatory: boolean
}

/** The form's key of an option. */
export function fieldKey(scope: string, name: string): string {
  return `${scope}.${name}`
}

const LABELS: Record<string, string> = {
  host: 'Host',
  port: 'Port',
  dbname: 'Database',
  database: 'Database',
  servername: 'Server',
  user: 'User',
  username: 'User',
  password: 'Password',
  filename: 'File path',
  datasource: 'File path',
  format: 'Format',
  header: 'Header row',
  delimiter: 'Delimiter',
  quote: 'Quote character',
  escape: 'Escape character',
  null: 'NULL marker',
  encoding: 'Encoding',
  sslmode: 'SSL mode',
  sql_mode: 'SQL mode',
  tds_version: 'TDS version',
  fdw_startup_cost: 'Startup cost',
  fdw_tuple_cost: 'Cost per row',
}

const EXAMPLES: Record<string, string> = {
  host: 'db.example.com',
  servername: 'sql.example.com',
  dbname: 'analytics',
  database: 'erp',
  user: 'reader',
  username: 'reader',
  filename: '/data/orders.csv',
  datasource: '/data/book.xlsx',
}

/** Options shown at once besides the required ones: what an analyst sets for a first connection. */
const ESSENTIAL = new Set(['port', 'password', 'format', 'header', 'delimiter'])

/**
 * Options left out of the form: the engine keeps every source read-only (`updatable 'false'`, ogr_fdw's
 * `updateable 'false'`), so offering to switch that off would contradict its promise (docs/sources.md, Safety).
 */
const HIDDEN = new Set(['updatable', 'updateable'])

/** `use_remote_estimate` → `Use remote estimate`. */
export function humanizeOption(name: string): string {
  const known = LABELS[name]
  if (known !== undefined) return known
  const words = name.replace(/_/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function controlOf(option: FdwOption): FieldControl {
  if (option.secret) return 'password'
  if (option.type === 'boolean') return 'boolean'
  if (option.type === 'enum') return 'select'
  if (option.type === 'integer' || option.type === 'number') return 'number'
  if (option.type === 'path') return 'path'
  return 'text'
}

/** Scopes the form edits: a file_fdw source is one table (its options are the table's); the others import. */
function formScopes(extension: FdwExtension): ReadonlySet<string> {
  return extension === 'file_fdw' ? new Set(['table']) : new Set(['server', 'user_mapping', 'import'])
}

/** The text shown in an empty field: the default, the engine's value when it sets one, else an example. */
function placeholderOf(option: FdwOption): string {
  if (option.engineDefault !== null) return `${option.engineDefault} (set by the engine)`
  if (option.default !== null) return option.default
  return EXAMPLES[option.name] ?? ''
}

/**
 * The form fields of a source type, in the catalog's order: the connection's options (required ones, port,
 * password, and a file's format, header and delimiter) in `main`, every other option in `advanced`. Column
 * options and, for database types, per-table options are left out (the form adds a whole source; the table
 * picker chooses its tables).
 */
export function formFields(type: SourceType): FormField[] {
  const scopes = formScopes(type.extension)
  return type.options
    .filter((option) => scopes.has(option.scope) && !HIDDEN.has(option.name))
    .map((option) => ({
      key: fieldKey(option.scope, option.name),
      option,
      label: humanizeOption(option.name),
      control: controlOf(option),
      group: option.required || ESSENTIAL.has(option.name) ? 'main' : 'advanced',
      placeholder: placeholderOf(option),
      mandatory: option.required && option.default === null,
    }))
}

/** The remote schema field of a type: its label, hint and default, or null when the type has none. */
export interface RemoteSchemaField {
  label: string
  hint: string
  /** Imported when the field is empty; null when it must be filled. */
  defaultValue: string | null
}

/**
 * What IMPORT FOREIGN SCHEMA reads for each type: a PostgreSQL or SQL Server schema (default `public`, `dbo`),
 * the MySQL database, every layer of an ogr_fdw data source (`ogr_all`, not asked), nothing for file_fdw.
 */
export function remoteSchemaField(extension: FdwExtension): RemoteSchemaField | null {
  switch (extension) {
    case 'postgres_fdw':
      return { label: 'Schema', hint: 'Remote schema whose tables are imported.', defaultValue: 'public' }
    case 'tds_fdw':
      return { label: 'Schema', hint: 'Remote schema whose tables are imported.', defaultValue: 'dbo' }
    case 'mysql_fdw':
      return { label: 'Database', hint: 'The MySQL or MariaDB database whose tables are imported.', defaultValue: null }
    default:
      return null
  }
}

/** The remote schema imported when the form leaves it empty (`ogr_all`: every layer of the file). */
export function defaultRemoteSchema(extension: FdwExtension): string {
  return extension === 'ogr_fdw' ? 'ogr_all' : (remoteSchemaField(extension)?.defaultValue ?? '')
}
