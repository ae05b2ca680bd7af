/**
 * Turns free text (a file name, a CSV header) into a lower-case SQL name: accents dropped, anything but
 * letters, digits and `_` replaced by `_`, no leading digit (`2024 sales` → `_2024_sales`), at most `max`
 * characters; `fallback` when nothing is left.
 */
export function sqlName(text: string, fallback: string, max = 63): string {
  const name = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_+|_+$/g, '')
  const safe = name === '' ? fallback : /^[0-9]/.test(name) ? `_${name}` : name
  return safe.slice(0, max)
}

/** `names` made unique by suffixing repeats with `_2`, `_3`… (CSV headers may repeat). */
export function uniqueNames(names: readonly string[], max = 63): string[] {
  const seen = new Set<string>()
  return names.map((name) => {
    let candidate = name
    for (let n = 2; seen.has(candidate); n++) candidate = `${name.slice(0, max - String(n).length - 1)}_${n}`
    seen.add(candidate)
    return candidate
  })
}
