/** A source URI split into its parts, every part percent-decoded. */
export interface UriParts {
  /** Lower-case scheme without `:`, e.g. `mysql`. */
  scheme: string
  user: string
  /** null when the URI has no `:password` in its user info; `''` for an empty one. */
  password: string | null
  /** Host without IPv6 brackets; `''` for `file:` URIs. */
  host: string
  port: string
  /** Path without the leading `/` for network URIs (the database); the absolute path for `file:` URIs. */
  path: string
  /** Query parameters in order; a key may repeat. */
  params: Array<[string, string]>
}

/**
 * Decodes the valid `%XX` sequences of `text` and leaves anything else as written, so both a percent-encoded
 * password (`p%40ss`) and one pasted raw (`50%off`) come out as meant. `+` stays a plus.
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

function parseQuery(query: string): Array<[string, string]> {
  if (query === '') return []
  return query
    .split('&')
    .filter((p) => p !== '')
    .map((pair) => {
      const eq = pair.indexOf('=')
      return eq < 0
        ? [decodePercent(pair), 'true']
        : [decodePercent(pair.slice(0, eq)), decodePercent(pair.slice(eq + 1))]
    })
}

const HOST_PORT = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~-]*)(?::(\d{1,5}))?$/

/** The URI after `scheme://` split at the `@` at `at` (-1: no user info); null when the rest is no host. */
function splitAt(rest: string, at: number, strict: boolean): Omit<UriParts, 'scheme'> | null {
  const userInfo = at < 0 ? '' : rest.slice(0, at)
  const after = at < 0 ? rest : rest.slice(at + 1)
  const end = after.search(/[/?]/)
  const hostPort = HOST_PORT.exec(end < 0 ? after : after.slice(0, end))
  if (!hostPort || (strict && at >= 0 && !(end >= 0 && after[end] === '/'))) return null
  const tail = end < 0 ? '' : after.slice(end)
  const q = tail.indexOf('?')
  const colon = userInfo.indexOf(':')
  return {
    user: decodePercent(colon < 0 ? userInfo : userInfo.slice(0, colon)),
    password: colon < 0 ? null : decodePercent(userInfo.slice(colon + 1)),
    host: (hostPort[1] as string).replace(/^\[(.*)\]$/, '$1'),
    port: hostPort[2] ?? '',
    path: decodePercent((q < 0 ? tail : tail.slice(0, q)).replace(/^\//, '')),
    params: parseQuery(q < 0 ? '' : tail.slice(q + 1)),
  }
}

/**
 * Splits `scheme://user:password@host:port/path?query`. The user info ends at the last `@` that is followed by
 * a valid `host[:port]` and a `/`, so a password pasted without percent-encoding (`p@ss#w:rd/?`) is still read
 * whole; percent-encoding it is the unambiguous form. `file:///abs/path?query` keeps the path.
 * @throws Error (message without the URI, which may hold a password) when the URI cannot be split.
 */
export function splitUri(uri: string): UriParts {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(.*)$/s.exec(uri.trim())
  if (!m) throw new Error('not a URI (scheme://user:password@host:port/database)')
  const scheme = (m[1] as string).toLowerCase()
  const rest = m[2] as string
  if (scheme === 'file') {
    const q = rest.indexOf('?')
    const raw = q < 0 ? rest : rest.slice(0, q)
    const path = decodePercent(raw.replace(/^localhost(?=\/)/i, ''))
    if (!path.startsWith('/')) throw new Error('a file URI needs an absolute path: file:///folder/file.csv')
    return {
      scheme,
      user: '',
      password: null,
      host: '',
      port: '',
      path,
      params: parseQuery(q < 0 ? '' : rest.slice(q + 1)),
    }
  }
  const candidates = [...rest.matchAll(/@/g)].map((x) => x.index).reverse()
  for (const strict of [true, false]) {
    for (const at of [...candidates, -1]) {
      const parts = splitAt(rest, at, strict)
      if (parts) return { scheme, ...parts }
    }
  }
  throw new Error('cannot read host and port from the URI (scheme://user:password@host:port/database)')
}
