/**
 * Decodes the valid `%XX` runs of `text` and keeps anything else as written, so a percent-encoded password
 * (`p%40ss`) and one pasted raw (`50%off`) both come out as meant; the engine's URI reader does the same.
 */
export function decodePercent(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run)
    } catch {
      return run
    }
  })
}

const HOST_PORT = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~-]*)(?::\d{1,5})?$/

/** The last `password=` parameter of a query string (a later one wins, as in the engine), or null. */
function passwordParam(query: string): string | null {
  let found: string | null = null
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=')
    if (eq > 0 && decodePercent(pair.slice(0, eq)) === 'password') found = decodePercent(pair.slice(eq + 1))
  }
  return found
}

/**
 * The password of a database URI (`mysql://user:p%40ss@host:3306/db`), percent-decoded; null when it has none.
 *
 * `sources/parse-uri` leaves the password out of its answer (it never echoes secrets), so the dialog reads it
 * here with the engine's rule (`packages/engine/src/sources/uri-parts.ts`): the user info ends at the last `@`
 * followed by a valid `host[:port]` and a `/`, so `p@ss#w:rd/?` pasted raw is read whole; a `password=`
 * parameter replaces it. `${NAME}` references are kept as written (the engine reads them from its environment).
 */
export function passwordFromUri(uri: string): string | null {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/(.*)$/s.exec(uri.trim())
  if (m === null || /^file:/i.test(uri.trim())) return null
  const rest = m[1] as string
  const candidates = [...[...rest.matchAll(/@/g)].map((x) => x.index).reverse(), -1]
  for (const strict of [true, false]) {
    for (const at of candidates) {
      const after = rest.slice(at + 1)
      const end = after.search(/[/?]/)
      const hostPort = end < 0 ? after : after.slice(0, end)
      if (!HOST_PORT.test(hostPort) || (strict && at >= 0 && !(end >= 0 && after[end] === '/'))) continue
      const tail = end < 0 ? '' : after.slice(end)
      const q = tail.indexOf('?')
      const fromParam = q < 0 ? null : passwordParam(tail.slice(q + 1))
      if (fromParam !== null) return fromParam
      const userInfo = at < 0 ? '' : rest.slice(0, at)
      const colon = userInfo.indexOf(':')
      return colon < 0 ? null : decodePercent(userInfo.slice(colon + 1))
    }
  }
  return null
}
