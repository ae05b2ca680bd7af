import type { ReactNode } from 'react'
import type { FormField } from './source-fields.utils'

const ENV_REFERENCE = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/

/** The test id of a field: the password has its own, every other option `source-option-<name>`. */
function testIdOf(field: FormField): string {
  return field.key === 'user_mapping.password' ? 'source-password-input' : `source-option-${field.option.name}`
}

function defaultLabel(field: FormField): string {
  const { option } = field
  if (option.engineDefault !== null) return `Default (engine sets ${option.engineDefault})`
  return option.default === null ? 'Not set' : `Default (${option.default})`
}

function Control({ field, value, onChange }: { field: FormField; value: string; onChange(value: string): void }) {
  const id = `source-field-${field.key}`
  const common = { id, 'data-testid': testIdOf(field), 'aria-required': field.mandatory }
  if (field.control === 'boolean' || field.control === 'select') {
    const values = field.control === 'boolean' ? ['true', 'false'] : (field.option.values ?? [])
    return (
      <select {...common} className="select source-select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{defaultLabel(field)}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    )
  }
  return (
    <input
      {...common}
      className={field.control === 'path' ? 'source-input source-input--mono' : 'source-input'}
      type={field.control === 'password' ? 'password' : 'text'}
      inputMode={field.control === 'number' ? 'decimal' : undefined}
      autoComplete={field.control === 'password' ? 'new-password' : 'off'}
      spellCheck={false}
      placeholder={field.placeholder}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  )
}

/**
 * One option of the "Add source" form: label with the FDW's option name, the input (password inputs for
 * secrets, a default/true/false select for booleans), and the catalog's description when `describe` is set.
 */
export function OptionField({
  field,
  value,
  onChange,
  describe,
  note,
}: {
  field: FormField
  value: string
  onChange(value: string): void
  describe: boolean
  /** A line under the input that matters more than the description (e.g. "from the URI"). */
  note?: ReactNode
}) {
  const env = field.control === 'password' ? ENV_REFERENCE.exec(value)?.[1] : undefined
  return (
    <div className="source-field">
      <label className="source-field__label" htmlFor={`source-field-${field.key}`}>
        <span>
          {field.label}
          {field.mandatory ? <span className="source-field__required"> *</span> : null}
        </span>
        <code title={`FDW option ${field.option.name} (${field.option.scope.replace('_', ' ')})`}>
          {field.option.name}
        </code>
      </label>
      <Control field={field} value={value} onChange={onChange} />
      {env !== undefined ? (
        <span className="source-field__note">Read from the engine’s environment variable {env}.</span>
      ) : (
        note
      )}
      {describe ? <span className="source-field__hint">{field.option.description}</span> : null}
    </div>
  )
}
