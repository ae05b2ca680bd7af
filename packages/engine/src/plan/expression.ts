/**
 * Small lexical helpers over SQL expression text as PostgreSQL and FDWs print it: they skip quoted literals
 * ('…'), quoted identifiers ("…", `…`) and nested parentheses. They never parse SQL fully.
 */

/** Splits `text` on `separator` (a character) where it is outside parentheses and quotes; trims the parts. */
export function splitTopLevel(text: string, separator = ','): string[] {
  const blank = stripQuoted(text)
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < blank.length; i++) {
    const ch = blank[i]
    if (ch === '(' || ch === '[') depth++
    else if (ch === ')' || ch === ']') depth--
    else if (depth === 0 && ch === separator) {
      parts.push(text.slice(start, i).trim())
      start = i + 1
    }
  }
  parts.push(text.slice(start).trim())
  return parts.filter((part) => part !== '')
}

/** Index of the parenthesis closing the one at `open` (quotes skipped), or -1. */
export function closingParen(text: string, open: number): number {
  const blank = stripQuoted(text)
  let depth = 0
  for (let i = open; i < blank.length; i++) {
    if (blank[i] === '(') depth++
    else if (blank[i] === ')') {
      depth--
      if (depth === 0) return i
    }
  }
  return -1
}

/** `text` with the content of quoted literals and identifiers blanked (same length), for keyword searches. */
export function stripQuoted(text: string): string {
  let out = ''
  let quote: string | null = null
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (quote !== null) {
      if (ch === quote && text[i + 1] === quote) {
        out += '  '
        i++
        continue
      }
      if (ch === quote) {
        quote = null
        out += ch
        continue
      }
      out += ' '
      continue
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch
    out += ch
  }
  return out
}

/** Removes parentheses that wrap the whole expression: `((a > 1))` → `a > 1`. */
export function stripOuterParens(text: string): string {
  let result = text.trim()
  while (result.startsWith('(') && result.endsWith(')') && wrapsWhole(result)) result = result.slice(1, -1).trim()
  return result
}

function wrapsWhole(text: string): boolean {
  const blank = stripQuoted(text)
  let depth = 0
  for (let i = 0; i < blank.length; i++) {
    if (blank[i] === '(') depth++
    else if (blank[i] === ')') {
      depth--
      if (depth === 0 && i < blank.length - 1) return false
    }
  }
  return depth === 0
}

const OPEN_BETWEEN = /\bBETWEEN\b(?![\s\S]*\bAND\b)/i

/** Top-level `AND` operands of a condition, each without redundant outer parentheses. */
export function splitConjuncts(condition: string): string[] {
  const text = stripOuterParens(condition)
  const blank = stripQuoted(text)
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < blank.length; i++) {
    const ch = blank[i]
    if (ch === '(') depth++
    else if (ch === ')') depth--
    else if (depth === 0 && /^\sAND\s$/i.test(blank.slice(i, i + 5)) && !OPEN_BETWEEN.test(blank.slice(start, i))) {
      parts.push(text.slice(start, i))
      start = i + 5
      i += 4
    }
  }
  parts.push(text.slice(start))
  return parts.map(stripOuterParens).filter((part) => part !== '')
}
