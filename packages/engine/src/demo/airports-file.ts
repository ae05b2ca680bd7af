import { chmod, copyFile, mkdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { vegaDataFile } from './vega-data.js'

/** Where the demo's airports.csv lives: `<dataDir>/demo/airports.csv`. */
export function airportsFile(dataDir: string): string {
  return path.join(dataDir, 'demo', 'airports.csv')
}

/**
 * Copies vega-datasets' `airports.csv` into the data folder (once; again when its size differs), world-readable
 * (0644 in a 0755 folder) because file_fdw reads it as the hub's OS user (`postgres` under root).
 * Returns its path.
 */
export async function ensureAirportsFile(dataDir: string): Promise<string> {
  const source = vegaDataFile('airports.csv')
  const target = airportsFile(dataDir)
  const [from, to] = await Promise.all([stat(source), stat(target).catch(() => null)])
  if (to?.size === from.size) return target
  await mkdir(path.dirname(target), { recursive: true, mode: 0o755 })
  await chmod(path.dirname(target), 0o755)
  await copyFile(source, target)
  await chmod(target, 0o644)
  return target
}
