import { createHash, randomBytes, type Hash } from 'node:crypto'
import { open, rename, rm, type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import { EngineError } from '../api/contract/errors.js'

/**
 * A file that appears under its final name only once complete.
 *
 * Bytes go to `.<name>.<random>.partial` in the final folder (created exclusively, so two exports never share
 * one). `commit()` flushes, fsyncs, closes and renames it over `finalPath` (atomic on POSIX and NTFS), then
 * fsyncs the folder where the platform allows; `discard()` closes and unlinks it. Writes are double-buffered:
 * `write()` starts writing a chunk and returns once the previous chunk is on its way to disk, so the caller
 * formats the next chunk while the current one is written, and at most two chunks are held at a time.
 * Callers must not modify a chunk after passing it to `write()`. Each chunk is also fed to a SHA-256 as it is
 * queued (the file's bytes in order), so the checksum is known once sealed without reading the file back.
 */
export class AtomicFile {
  #pending: Promise<void> = Promise.resolve()
  #error: { cause: unknown } | undefined
  #bytes = 0
  #queued = 0
  #closed = false
  readonly #hash: Hash = createHash('sha256')
  #sha256: string | undefined

  private constructor(
    readonly finalPath: string,
    readonly tempPath: string,
    private readonly handle: FileHandle,
  ) {}

  /**
   * Creates the temporary file next to `finalPath`.
   * @throws the file system error (ENOENT when the folder is missing, EACCES…) unchanged.
   */
  static async create(finalPath: string): Promise<AtomicFile> {
    const tempPath = path.join(
      path.dirname(finalPath),
      `.${path.basename(finalPath)}.${randomBytes(6).toString('hex')}.partial`,
    )
    return new AtomicFile(finalPath, tempPath, await open(tempPath, 'wx'))
  }

  /** Bytes that reached the file so far. */
  get bytesWritten(): number {
    return this.#bytes
  }

  /** Bytes handed to `write()` so far, written or still on their way (the file's size once flushed). */
  get bytesQueued(): number {
    return this.#queued
  }

  /**
   * SHA-256 of every byte written, lower-case hex.
   * @throws EngineError `INTERNAL` before `seal()` (or `commit()`) completed.
   */
  get sha256(): string {
    if (this.#sha256 === undefined) throw new EngineError('INTERNAL', 'the SHA-256 of a file is known once sealed')
    return this.#sha256
  }

  /**
   * Queues `chunk` behind the previous write; resolves when the previous write has finished.
   * @throws the file system error of an earlier write (ENOSPC…).
   */
  async write(chunk: Uint8Array): Promise<void> {
    await this.flush()
    this.#queued += chunk.byteLength
    this.#hash.update(chunk)
    this.#pending = this.#writeAll(chunk).catch((cause: unknown) => {
      this.#error ??= { cause }
    })
  }

  /**
   * Resolves when every queued chunk is written.
   * @throws the file system error of a failed write.
   */
  async flush(): Promise<void> {
    await this.#pending
    if (this.#error !== undefined) throw this.#error.cause
  }

  /**
   * Makes the file durable and visible under `finalPath`. After it resolves the temporary file is gone.
   * @throws the file system error of the last write, fsync, close or rename; the caller then calls `discard()`.
   */
  async commit(): Promise<void> {
    await this.seal()
    await this.publish()
  }

  /**
   * Flushes, fsyncs and closes the temporary file, which stays under `tempPath` (to be verified, then published
   * or discarded).
   * @throws the file system error of the last write, fsync or close; the caller then calls `discard()`.
   */
  async seal(): Promise<void> {
    await this.flush()
    await this.handle.sync()
    this.#closed = true
    await this.handle.close()
    this.#sha256 = this.#hash.digest('hex')
  }

  /**
   * Renames the sealed temporary file over `finalPath` (atomic on POSIX and NTFS) and fsyncs the folder where
   * the platform allows.
   * @throws the file system error of the rename; the caller then calls `discard()`.
   */
  async publish(): Promise<void> {
    await rename(this.tempPath, this.finalPath)
    await syncFolder(path.dirname(this.finalPath))
  }

  /** Closes and removes the temporary file; never throws, never touches `finalPath`. */
  async discard(): Promise<void> {
    await this.#pending
    if (!this.#closed) {
      this.#closed = true
      await this.handle.close().catch(() => undefined)
    }
    await rm(this.tempPath, { force: true }).catch(() => undefined)
  }

  async #writeAll(chunk: Uint8Array): Promise<void> {
    let offset = 0
    while (offset < chunk.byteLength) {
      const { bytesWritten } = await this.handle.write(chunk, offset, chunk.byteLength - offset)
      offset += bytesWritten
      this.#bytes += bytesWritten
    }
  }
}

/**
 * Persists a rename by fsyncing its folder (POSIX). Best effort: Windows cannot open a folder for fsync, and
 * a failure here must not turn a completed export into a failed one.
 */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return
  try {
    const handle = await open(folder, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    return
  }
}
