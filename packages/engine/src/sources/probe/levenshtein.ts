/** Edit distance between two short strings (insertions, deletions, substitutions). */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current.push(
        Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost),
      )
    }
    previous = current
  }
  return previous[b.length] as number
}

/** The closest of `candidates` to `name` within 2 edits (or sharing a prefix of 4), else undefined. */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  const ranked = candidates
    .map((c) => ({ c, d: levenshtein(name.toLowerCase(), c.toLowerCase()) }))
    .sort((x, y) => x.d - y.d)
  const best = ranked[0]
  if (!best) return undefined
  return best.d <= 2 || (name.length >= 4 && best.c.startsWith(name.slice(0, 4))) ? best.c : undefined
}
