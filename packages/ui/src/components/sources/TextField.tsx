/** A labelled text input of the "Add source" form that is not an FDW option (source name, schema, table). */
export function TextField({
  id,
  label,
  value,
  onChange,
  testId,
  hint,
  placeholder,
  required = false,
  autoFocus = false,
}: {
  id: string
  label: string
  value: string
  onChange(value: string): void
  testId: string
  hint: string
  placeholder?: string
  required?: boolean
  autoFocus?: boolean
}) {
  return (
    <div className="source-field">
      <label className="source-field__label" htmlFor={id}>
        <span>
          {label}
          {required ? <span className="source-field__required"> *</span> : null}
        </span>
      </label>
      <input
        id={id}
        className="source-input"
        data-testid={testId}
        aria-required={required}
        spellCheck={false}
        autoComplete="off"
        autoFocus={autoFocus}
        data-autofocus={autoFocus || undefined}
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <span className="source-field__hint">{hint}</span>
    </div>
  )
}
