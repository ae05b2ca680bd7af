/** Environment variables as read by substitution (process.env fits). */
export type EnvVars = Readonly<Record<string, string | undefined>>

/** A `${…}` reference that could not be resolved; `index` is its offset in the original text. */
export class EnvReferenceError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message)
    this.name = 'EnvReferenceError'
  }
}

/** One `${NAME}` / `${NAME:-default}` found in the text. */
export interface EnvReference {
  /** Offset and length in the original text. */
  index: number
  length: number
  name: string
  fallback?: string
}

/** Text whose references are replaced by same-length placeholders, and the references in order. */
export interface MaskedText {
  text: string
  references: EnvReference[]
}

const REFERENCE = /\$\{([^}]*)\}/g
const BODY = /^([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?$/s
/** Placeholders are private-use characters: valid inside any YAML scalar, flow context included. */
const FIRST = 0xe100
const FILL = '\ue000'
const PLACEHOLDER = /[\ue100-\uefff]\ue000*/g

/**
 * Replaces each `${…}` of `text` by a placeholder of the same length (so every offset stays valid), before the
 * YAML is parsed: a reference is not valid YAML everywhere (`{ user: ${PG_USER} }` is a flow mapping), and a
 * substituted value must not change the document's structure (a password holding `: ` or `#`).
 * @throws EnvReferenceError for a malformed or unterminated reference.
 */
export function maskReferences(text: string): MaskedText {
  const references: EnvReference[] = []
  if (/[\ue000-\uefff]/.test(text))
    throw new EnvReferenceError(
      'the file contains private-use characters (U+E000–U+EFFF), which are not allowed',
      text.search(/[\ue000-\uefff]/),
    )
  const masked = text.replace(REFERENCE, (whole, body: string, index: number) => {
    const match = BODY.exec(body)
    if (!match) throw new EnvReferenceError(`malformed reference ${whole}: write \${NAME} or \${NAME:-default}`, index)
    if (references.length >= 0xeff) throw new EnvReferenceError('too many ${…} references', index)
    references.push({
      index,
      length: whole.length,
      name: match[1] as string,
      ...(match[2] !== undefined ? { fallback: match[2] } : {}),
    })
    return String.fromCharCode(FIRST + references.length - 1) + FILL.repeat(whole.length - 1)
  })
  const open = masked.indexOf('${')
  if (open >= 0) throw new EnvReferenceError('unterminated ${ reference', open)
  return { text: masked, references }
}

/**
 * Replaces the placeholders in `value` (a scalar of the masked text) with environment values, shell rules: the
 * default applies when the variable is unset or empty. `encode` is applied to each substituted value
 * (percent-encoding inside a URI). Returns the text and whether it held a reference.
 * @throws EnvReferenceError for an unset variable without default, at the reference's original offset.
 */
export function resolveReferences(
  value: string,
  references: readonly EnvReference[],
  env: EnvVars,
  encode: (v: string) => string = (v) => v,
): { text: string; substituted: boolean } {
  let substituted = false
  const text = value.replace(PLACEHOLDER, (placeholder) => {
    const ref = references[(placeholder.codePointAt(0) as number) - FIRST] as EnvReference
    substituted = true
    const current = env[ref.name]
    if (ref.fallback !== undefined && (current === undefined || current === '')) return encode(ref.fallback)
    if (current === undefined) throw new EnvReferenceError(`environment variable ${ref.name} is not set`, ref.index)
    return encode(current)
  })
  return { text, substituted }
}

/** The original text of the references in a masked `value` (to tell what was written in the file). */
export function unmask(value: string, references: readonly EnvReference[]): string {
  return value.replace(PLACEHOLDER, (placeholder) => {
    const ref = references[(placeholder.codePointAt(0) as number) - FIRST] as EnvReference
    return `\${${ref.name}${ref.fallback !== undefined ? `:-${ref.fallback}` : ''}}`
  })
}
