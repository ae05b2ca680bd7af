import { readFile } from 'node:fs/promises'
import { vegaDataFile } from '../../demo/vega-data.js'

/** One row of vega-datasets' `penguins.json` (344 rows); null where the survey has no value. */
export interface Penguin {
  Species: string
  Island: string
  'Beak Length (mm)': number | null
  'Beak Depth (mm)': number | null
  'Flipper Length (mm)': number | null
  'Body Mass (g)': number | null
  Sex: string | null
}

/** Reads vega-datasets' penguins. */
export async function readPenguins(): Promise<Penguin[]> {
  return JSON.parse(await readFile(vegaDataFile('penguins.json'), 'utf8')) as Penguin[]
}

/**
 * A penguin's values in the column order the test sources use: species, island, beak length (mm), beak depth (mm),
 * flipper length (mm), body mass (g), sex.
 */
export function penguinValues(p: Penguin): (string | number | null)[] {
  return [
    p.Species,
    p.Island,
    p['Beak Length (mm)'],
    p['Beak Depth (mm)'],
    p['Flipper Length (mm)'],
    p['Body Mass (g)'],
    p.Sex,
  ]
}
