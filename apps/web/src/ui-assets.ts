import { createRequire } from 'node:module'
import { existsSync } from 'node:fs'
import path from 'node:path'

/**
 * The folder of the built UI (`packages/ui/dist`), found through the `@idw/ui` workspace package.
 * Answers null when the UI has not been built (`npm run build`).
 */
export function findUiDist(): string | null {
  try {
    const pkg = createRequire(import.meta.url).resolve('@idw/ui/package.json')
    const dist = path.join(path.dirname(pkg), 'dist')
    return existsSync(path.join(dist, 'index.html')) ? dist : null
  } catch {
    return null
  }
}
