import type { HTMLAttributes } from 'react'

/** One choice of a `LabelledSelect`. */
export interface SelectOption<T extends string> {
  value: T
  label: string
}

/**
 * A field of the export form: a label over a text input, `narrow` for a seed-sized one. `onChange` gets the text
 * as typed.
 */
export function LabelledInput({
  label,
  testId,
  value,
  onChange,
  placeholder,
  inputMode,
  disabled = false,
  narrow = false,
}: {
  label: string
  testId: string
  value: string
  onChange(value: string): void
  placeholder?: string
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode']
  disabled?: boolean
  narrow?: boolean
}) {
  return (
    <label className={narrow ? 'form-field form-field--narrow' : 'form-field'}>
      <span>{label}</span>
      <input
        className="grid-field"
        inputMode={inputMode}
        placeholder={placeholder}
        data-testid={testId}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  )
}

/** A field of the export form: a label over a select of `options`; `onChange` gets the chosen option's value. */
export function LabelledSelect<T extends string>({
  label,
  testId,
  value,
  options,
  onChange,
}: {
  label: string
  testId: string
  value: T
  options: readonly SelectOption<T>[]
  onChange(value: T): void
}) {
  return (
    <label className="form-field">
      <span>{label}</span>
      <select
        className="grid-field"
        data-testid={testId}
        value={value}
        onChange={(event) => onChange(event.target.value as T)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  )
}
