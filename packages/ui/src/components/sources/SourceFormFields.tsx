import type { SourceType } from '@idw/engine/api'
import { useMemo } from 'react'
import { useWorkbench } from '../../stores/workbench-context'
import { OptionField } from './OptionField'
import { formFields, remoteSchemaField } from './source-fields.utils'
import type { FormField } from './source-fields.utils'
import { extraValueKeys, fileTableName } from './source-form.utils'
import type { SourceForm } from './source-form.utils'
import { TextField } from './TextField'

const SCOPE_TITLES = [
  ['server', 'Server'],
  ['user_mapping', 'User mapping'],
  ['table', 'File'],
  ['import', 'Import (IMPORT FOREIGN SCHEMA)'],
] as const

/**
 * The fields of the form, generated from the type's option catalog: the source name; the connection (server
 * options, the schema or database to import, or the file and its table); the credentials; and, collapsed, every
 * other option with its description and default, plus options kept from a URI that the catalog does not list.
 */
export function SourceFormFields({ form, type }: { form: SourceForm; type: SourceType }) {
  const setField = useWorkbench((s) => s.setSourceField)
  const fields = useMemo(() => formFields(type), [type])
  const schema = remoteSchemaField(type.extension)
  const main = fields.filter((f) => f.group === 'main')
  const connection = main.filter((f) => f.option.scope !== 'user_mapping')
  const credentials = main.filter((f) => f.option.scope === 'user_mapping')
  const advanced = fields.filter((f) => f.group === 'advanced')
  const extra = extraValueKeys(form, type)
  const render = (field: FormField, describe: boolean) => (
    <OptionField
      key={field.key}
      field={field}
      value={form.values[field.key] ?? ''}
      onChange={(value) => setField(field.key, value)}
      describe={describe}
      note={
        field.key === 'user_mapping.password' && form.passwordFromUri ? (
          <span className="source-field__note">Taken from the URI.</span>
        ) : undefined
      }
    />
  )

  return (
    <>
      <div className="source-grid">
        <TextField
          id="source-name"
          label="Source name"
          required
          value={form.name}
          onChange={(value) => setField('name', value)}
          testId="source-name-input"
          placeholder="shop"
          hint={`People query its tables as ${form.name.trim() || '<name>'}.<table>.`}
        />
        {type.extension === 'file_fdw' ? (
          <TextField
            id="source-table-name"
            label="Table name"
            value={form.tableName}
            onChange={(value) => setField('tableName', value)}
            testId="source-table-name-input"
            placeholder={fileTableName(form) || 'orders'}
            hint="Named after the file when empty; columns are inferred from its first rows."
          />
        ) : null}
      </div>

      <section className="source-section" aria-label="Connection">
        <h3 className="source-section__title">
          {type.extension === 'file_fdw' || type.extension === 'ogr_fdw' ? 'File' : 'Connection'}
        </h3>
        <div className="source-grid">
          {connection.map((field) => render(field, true))}
          {schema === null ? null : (
            <TextField
              id="source-remote-schema"
              label={schema.label}
              required={schema.defaultValue === null}
              value={form.remoteSchema}
              onChange={(value) => setField('remoteSchema', value)}
              testId="source-remote-schema-input"
              placeholder={schema.defaultValue ?? 'shop'}
              hint={schema.hint}
            />
          )}
        </div>
      </section>

      {credentials.length === 0 ? null : (
        <section className="source-section" aria-label="Credentials">
          <h3 className="source-section__title">Credentials</h3>
          <div className="source-grid">{credentials.map((field) => render(field, true))}</div>
        </section>
      )}

      <details className="source-advanced">
        <summary>
          Advanced options <span className="count-badge">{advanced.length + extra.length}</span>
        </summary>
        <p className="source-advanced__note">Read-only: {type.readOnly}.</p>
        {SCOPE_TITLES.map(([scope, title]) => {
          const group = advanced.filter((f) => f.option.scope === scope)
          return group.length === 0 ? null : (
            <div key={scope} className="source-advanced__group">
              <h4 className="source-advanced__title">{title}</h4>
              <div className="source-grid">{group.map((field) => render(field, true))}</div>
            </div>
          )
        })}
        {extra.length === 0 ? null : (
          <div className="source-advanced__group">
            <h4 className="source-advanced__title">From the URI</h4>
            <div className="source-grid">
              {extra.map((key) => (
                <TextField
                  key={key}
                  id={`source-extra-${key}`}
                  label={key.slice(key.indexOf('.') + 1)}
                  value={form.values[key] ?? ''}
                  onChange={(value) => setField(key, value)}
                  testId={`source-option-${key.slice(key.indexOf('.') + 1)}`}
                  hint={`A ${key.slice(0, key.indexOf('.')).replace('_', ' ')} option the hub’s FDW checks.`}
                />
              ))}
            </div>
          </div>
        )}
      </details>
    </>
  )
}
