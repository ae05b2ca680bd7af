import { fileURLToPath } from 'node:url'

/** Root of the repository. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Imports a module of the built engine (`packages/engine/dist/<path>`): the bench measures what `tsc -b` built,
 * including rooms the package does not export publicly (exec, export, hub).
 * @param {string} relative path below `dist/`, e.g. `exec/index.js`
 * @throws Error naming `npx tsc -b` when the engine has not been built
 */
export async function importEngine(relative) {
  const url = new URL(`../../packages/engine/dist/${relative}`, import.meta.url)
  try {
    return await import(url.href)
  } catch (err) {
    throw new Error(`cannot load the built engine (${relative}); run \`npx tsc -b\` first`, { cause: err })
  }
}
