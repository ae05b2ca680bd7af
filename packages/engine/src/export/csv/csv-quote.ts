/** Characters that force RFC 4180 quoting: delimiter, quote, CR, LF. */
const SPECIAL = /[",\r\n]/

/**
 * True when a field must be quoted to survive a round trip: it holds a delimiter, quote, CR or LF
 * (RFC 4180 §2.6), or starts or ends with a space or tab (some readers trim those unless quoted).
 */
export function needsQuotes(text: string): boolean {
  return SPECIAL.test(text) || hasEdgeBlank(text)
}

/** True when `text` starts or ends with a space or a tab. */
export function hasEdgeBlank(text: string): boolean {
  const first = text.charCodeAt(0)
  const last = text.charCodeAt(text.length - 1)
  return first === 32 || first === 9 || last === 32 || last === 9
}

/** `text` between double quotes with inner quotes doubled (RFC 4180 §2.7). */
export function quote(text: string): string {
  return '"' + text.replaceAll('"', '""') + '"'
}

/**
 * A string as a CSV field: the empty string becomes `""` (so it differs from NULL, which is an empty unquoted
 * field); text that needs quotes is quoted; anything else is written as is.
 */
export function csvField(text: string): string {
  if (text.length === 0) return '""'
  return needsQuotes(text) ? quote(text) : text
}
