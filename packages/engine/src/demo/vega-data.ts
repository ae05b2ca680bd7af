import { createRequire } from 'node:module'
import path from 'node:path'

/** Path of a file in the `vega-datasets` package's `data/` folder, e.g. `flights-3m.parquet`. */
export function vegaDataFile(name: string): string {
  const entry = createRequire(import.meta.url).resolve('vega-datasets')
  return path.join(path.dirname(entry), '..', 'data', name)
}
