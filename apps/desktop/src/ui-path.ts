import path from 'node:path'

/** The custom scheme the desktop window loads the UI from (`idw://ui/index.html`). */
export const UI_SCHEME = 'idw'

/** The UI's start page under `UI_SCHEME`. */
export const UI_START_URL = `${UI_SCHEME}://ui/index.html`

/**
 * The file of `uiDir` a `idw://ui/<path>` request names, or null when the path escapes `uiDir` (`..`, encoded
 * slashes) or names another host. `/` maps to `index.html`.
 */
export function resolveUiPath(uiDir: string, requestUrl: string): string | null {
  const url = new URL(requestUrl)
  if (url.protocol !== `${UI_SCHEME}:` || url.host !== 'ui') return null
  let relative: string
  try {
    relative = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (relative.includes('\0')) return null
  const root = path.resolve(uiDir)
  const file = path.resolve(root, `.${relative === '/' ? '/index.html' : relative}`)
  return file.startsWith(root + path.sep) ? file : null
}
