import { Buffer } from 'node:buffer'
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import type { ExportManifest } from '../../api/contract/export.js'
import { AtomicFile } from '../atomic-file.js'
import type { DatasetNames } from './dataset-names.js'
import type { WrittenFile } from './split-output.js'

/**
 * Makes a verified export visible: renames every sealed data file to its final name, then writes the manifest
 * (atomically too) last, so a manifest on disk means a complete export. Files an earlier export of the same name
 * listed in its manifest and this one no longer has (say `part-0004` when this export has three parts) are
 * removed afterwards (only names of the same stem and format). When a rename or the manifest fails, the files published so far are removed again and the
 * error is thrown (the caller discards the rest).
 * @throws the file system error unchanged.
 */
export async function publishDataset(
  folder: string,
  names: DatasetNames,
  files: readonly WrittenFile[],
  manifest: ExportManifest,
): Promise<void> {
  const previous = await previousFiles(folder, names)
  const published: string[] = []
  try {
    for (const written of files) {
      await written.file.publish()
      published.push(written.name)
    }
    const manifestFile = await AtomicFile.create(path.join(folder, names.manifest))
    try {
      await manifestFile.write(Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8'))
      await manifestFile.commit()
    } catch (error) {
      await manifestFile.discard()
      throw error
    }
  } catch (error) {
    await Promise.all(published.map((name) => rm(path.join(folder, name), { force: true }).catch(() => undefined)))
    throw error
  }
  const stale = previous.filter((name) => !published.includes(name))
  await Promise.all(stale.map((name) => rm(path.join(folder, name), { force: true }).catch(() => undefined)))
}

/**
 * Data files listed by the manifest already under this export's manifest name, limited to names this export
 * could have written (`DatasetNames.owns`: same stem and format, no folder), so neither an export in another
 * format nor a hand-edited manifest makes us delete other files.
 */
async function previousFiles(folder: string, names: DatasetNames): Promise<string[]> {
  let text: string
  try {
    text = await readFile(path.join(folder, names.manifest), 'utf8')
  } catch {
    return []
  }
  try {
    const listed = (JSON.parse(text) as { files?: { name?: unknown }[] }).files ?? []
    return listed
      .map((file) => file.name)
      .filter((name): name is string => typeof name === 'string' && path.basename(name) === name)
      .filter((name) => names.owns(name))
  } catch {
    return []
  }
}
