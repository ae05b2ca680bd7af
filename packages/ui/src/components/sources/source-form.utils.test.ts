import type { ParseUriOutput } from '@idw/engine/api'
import { describe, expect, it } from 'vitest'
import { formFields, humanizeOption, remoteSchemaField } from './source-fields.utils'
import {
  emptyForm,
  extraValueKeys,
  formFromParsedUri,
  formProblems,
  formToDraft,
  setFormValue,
  toSqlName,
} from './source-form.utils'
import { sourceType } from './testing/source-types.fixture'

const mysql = sourceType('mysql_fdw')
const file = sourceType('file_fdw')
const postgres = sourceType('postgres_fdw')

function fill(extension: 'mysql_fdw' | 'file_fdw' | 'postgres_fdw', values: Record<string, string>) {
  return Object.entries(values).reduce((form, [key, value]) => setFormValue(form, key, value), emptyForm(extension))
}

describe('option catalog → form fields', () => {
  it('shows required options, port and password at once and the rest collapsed, in the catalog order', () => {
    const fields = formFields(mysql)
    expect(fields.filter((f) => f.group === 'main').map((f) => f.key)).toEqual([
      'server.host',
      'server.port',
      'user_mapping.username',
      'user_mapping.password',
    ])
    expect(fields.filter((f) => f.group === 'advanced').map((f) => f.option.name)).toEqual([
      'fetch_size',
      'sql_mode',
      'character_set',
      'use_remote_estimate',
      'reconnect',
      'secure_auth',
      'init_command',
      'ssl_ca',
      'ssl_capath',
      'ssl_cert',
      'ssl_key',
      'ssl_cipher',
      'import_enum_as_text',
      'import_not_null',
      'import_default',
    ])
  })

  it('maps types to controls, shows defaults as placeholders and requires only options without a default', () => {
    const byName = Object.fromEntries(formFields(mysql).map((f) => [f.option.name, f]))
    expect(byName.password).toMatchObject({ control: 'password', label: 'Password', mandatory: false })
    expect(byName.port).toMatchObject({ control: 'number', placeholder: '3306' })
    expect(byName.host).toMatchObject({ control: 'text', placeholder: '127.0.0.1', mandatory: false })
    expect(byName.username).toMatchObject({ label: 'User', mandatory: true, placeholder: 'reader' })
    expect(byName.fetch_size?.placeholder).toBe('10000 (set by the engine)')
    expect(byName.use_remote_estimate?.control).toBe('boolean')
    expect(byName.ssl_ca?.control).toBe('path')
    expect(formFields(postgres).find((f) => f.option.name === 'sslmode')).toMatchObject({
      control: 'select',
      group: 'advanced',
    })
  })

  it('leaves out the read-only switch and, for database types, per-table and column options', () => {
    const names = formFields(postgres).map((f) => f.option.name)
    expect(names).not.toContain('updatable')
    expect(formFields(mysql).some((f) => f.option.scope === 'table')).toBe(false)
    expect(formFields(file).map((f) => `${f.group}:${f.option.name}`)).toEqual([
      'main:filename',
      'main:format',
      'main:header',
      'main:delimiter',
      'advanced:quote',
      'advanced:escape',
      'advanced:null',
      'advanced:encoding',
      'advanced:program',
    ])
  })

  it('labels options for people and names the remote schema per type', () => {
    expect(humanizeOption('use_remote_estimate')).toBe('Use remote estimate')
    expect(humanizeOption('dbname')).toBe('Database')
    expect(remoteSchemaField('mysql_fdw')).toMatchObject({ label: 'Database', defaultValue: null })
    expect(remoteSchemaField('postgres_fdw')?.defaultValue).toBe('public')
    expect(remoteSchemaField('file_fdw')).toBeNull()
  })
})

describe('form ↔ draft', () => {
  it('turns a MySQL form into a form draft with LIMIT TO, keeping the password exactly as typed', () => {
    const form = fill('mysql_fdw', {
      'server.host': ' 10.0.0.7 ',
      'user_mapping.username': 'reader',
      'user_mapping.password': ' p@ss#w:rd/? ',
      remoteSchema: 'shop',
      'import.import_not_null': 'false',
    })
    expect(form.name).toBe('shop')
    expect(formToDraft(form, mysql, ['penguins'])).toEqual({
      kind: 'form',
      name: 'shop',
      extension: 'mysql_fdw',
      serverOptions: { host: '10.0.0.7' },
      userMappingOptions: { username: 'reader', password: ' p@ss#w:rd/? ' },
      importSchema: { remoteSchema: 'shop', limitTo: ['penguins'], options: { import_not_null: 'false' } },
    })
  })

  it('imports the default schema of a PostgreSQL form and leaves out unset options', () => {
    const form = fill('postgres_fdw', { 'server.host': 'db', 'server.dbname': 'crm', 'user_mapping.user': 'ana' })
    expect(formToDraft(form, postgres)).toEqual({
      kind: 'form',
      name: 'crm',
      extension: 'postgres_fdw',
      serverOptions: { host: 'db', dbname: 'crm' },
      userMappingOptions: { user: 'ana' },
      importSchema: { remoteSchema: 'public' },
    })
  })

  it('makes a file form one table named after the file, CSV with a header unless changed', () => {
    const form = fill('file_fdw', { 'table.filename': '/data/Sales Data-2024.csv', 'table.delimiter': ';' })
    expect(formToDraft(form, file)).toEqual({
      kind: 'form',
      name: 'sales_data_2024',
      extension: 'file_fdw',
      serverOptions: {},
      tables: [
        {
          name: 'sales_data_2024',
          options: { filename: '/data/Sales Data-2024.csv', format: 'csv', header: 'true', delimiter: ';' },
        },
      ],
    })
  })

  it('keeps a typed name when the database changes afterwards', () => {
    const form = fill('mysql_fdw', { remoteSchema: 'shop', name: 'store', 'server.host': 'h' })
    expect(setFormValue(form, 'remoteSchema', 'shop2').name).toBe('store')
    expect(setFormValue(emptyForm('mysql_fdw'), 'remoteSchema', '2024 Sales').name).toBe('s_2024_sales')
  })

  it('fills the form from a parsed URI with the password read from the URI and the named tables', () => {
    const parsed: ParseUriOutput = {
      draft: {
        kind: 'form',
        name: 'shop',
        extension: 'mysql_fdw',
        serverOptions: { host: '127.0.0.1', port: '3306', sslmode: 'x' },
        userMappingOptions: { username: 'u' },
        importSchema: { remoteSchema: 'shop', limitTo: ['movies'] },
      },
      hasPassword: true,
      suggestedName: 'shop',
      location: '127.0.0.1:3306/shop',
    }
    const form = formFromParsedUri(parsed, 'p@ss#w:rd/?')
    expect(form).toMatchObject({ name: 'shop', remoteSchema: 'shop', limitTo: ['movies'], passwordFromUri: true })
    expect(form.values['user_mapping.password']).toBe('p@ss#w:rd/?')
    expect(extraValueKeys(form, mysql)).toEqual(['server.sslmode'])
    expect(formToDraft(form, mysql).userMappingOptions).toEqual({ username: 'u', password: 'p@ss#w:rd/?' })
    expect(setFormValue(form, 'user_mapping.password', 'other').passwordFromUri).toBe(false)
  })
})

describe('form problems', () => {
  it('says what is missing or malformed, and nothing for a complete form', () => {
    expect(formProblems(emptyForm('mysql_fdw'), mysql)).toEqual([
      'Give the source a name.',
      'User is required.',
      'Database is required.',
    ])
    const form = fill('mysql_fdw', { 'user_mapping.username': 'u', remoteSchema: 'shop', 'server.port': '33o6' })
    expect(formProblems(form, mysql)).toEqual(['Port is a whole number.'])
    expect(formProblems(setFormValue(form, 'server.port', '3306'), mysql)).toEqual([])
    expect(formProblems(setFormValue(form, 'name', 'pg_shop'), mysql)[0]).toMatch(
      /^Source name: this source name is reserved/,
    )
    expect(formProblems(emptyForm('file_fdw'), file)).toEqual([
      'Give the source a name.',
      'File path is required.',
      'Give the table a name.',
    ])
  })

  it('makes SQL names from any text', () => {
    expect(toSqlName('Été 2024/ventes')).toBe('t_2024_ventes')
    expect(toSqlName('***')).toBe('')
    expect(toSqlName('x'.repeat(70))).toHaveLength(58)
  })
})
