import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { EngineError } from '../api/contract/errors.js'
import { readMasterKey } from './master-key.js'

/** One encrypted value: AES-256-GCM with a random 96-bit IV; base64 fields. */
interface Sealed {
  iv: string
  tag: string
  data: string
}

/** The vault file: a key check (to tell a wrong key from a damaged entry) and the entries by name. */
interface VaultFile {
  version: 1
  keyCheck: Sealed
  entries: Record<string, Sealed>
}

const KEY_CHECK = 'idw-vault-key-check'

function aad(name: string): Buffer {
  return Buffer.from(`idw-vault:v1:${name}`, 'utf8')
}

function seal(key: Buffer, name: string, value: string): Sealed {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(aad(name))
  const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()])
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') }
}

/** @throws Error when the key is wrong or the entry was altered (GCM authentication fails). */
function open(key: Buffer, name: string, sealed: Sealed): string {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'))
  decipher.setAAD(aad(name))
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'))
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8')
}

/**
 * The engine's secret vault: `<dataDir>/vault.json` (mode 0600), each value encrypted with AES-256-GCM under
 * the key of `IDW_MASTER_KEY`, bound to its name (additional authenticated data), so an entry cannot be moved
 * to another name. Without a usable key the vault is locked: it answers which names it holds but neither
 * reads nor writes values. Writes replace the file atomically (temporary file, then rename).
 */
export class Vault {
  #writes: Promise<void> = Promise.resolve()

  private constructor(
    readonly file: string,
    private readonly key: Buffer | null,
    /** Why the vault is locked, or null when it is unlocked. */
    readonly lockedReason: string | null,
    private content: VaultFile | null,
  ) {}

  /**
   * Opens the vault of `dataDir` with the key from `env` (`IDW_MASTER_KEY`); a missing file is an empty vault.
   * @throws EngineError `VAULT_LOCKED` when the file exists but cannot be parsed.
   */
  static async open(dataDir: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<Vault> {
    const file = path.join(dataDir, 'vault.json')
    const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null
      throw err
    })
    let content: VaultFile | null = null
    if (text !== null) {
      try {
        content = JSON.parse(text) as VaultFile
        if (content.version !== 1 || typeof content.entries !== 'object') throw new Error('unknown format')
      } catch (err) {
        throw new EngineError(
          'VAULT_LOCKED',
          `the vault file ${file} is damaged: ${(err as Error).message}`,
          { file },
          { cause: err },
        )
      }
    }
    const master = readMasterKey(env)
    if (master.key === null) return new Vault(file, null, master.reason, content)
    if (content !== null) {
      try {
        if (open(master.key, 'keyCheck', content.keyCheck) !== KEY_CHECK) throw new Error('key check mismatch')
      } catch {
        return new Vault(file, null, `IDW_MASTER_KEY is not the key the vault ${file} was written with`, content)
      }
    }
    return new Vault(file, master.key, null, content)
  }

  get unlocked(): boolean {
    return this.key !== null
  }

  /** Names of the entries (readable even when locked). */
  names(): string[] {
    return Object.keys(this.content?.entries ?? {}).sort()
  }

  has(name: string): boolean {
    return Object.hasOwn(this.content?.entries ?? {}, name)
  }

  /**
   * The value of entry `name`, or undefined when there is none.
   * @throws EngineError `VAULT_LOCKED` when the entry exists but the vault is locked or the entry was altered.
   */
  get(name: string): string | undefined {
    const sealed = this.content?.entries[name]
    if (sealed === undefined) return undefined
    const key = this.#requireKey()
    try {
      return open(key, name, sealed)
    } catch (err) {
      throw new EngineError(
        'VAULT_LOCKED',
        `vault entry "${name}" cannot be decrypted (altered?)`,
        { name },
        { cause: err },
      )
    }
  }

  /** Stores `value` under `name`, replacing any previous value. @throws EngineError `VAULT_LOCKED`. */
  async set(name: string, value: string): Promise<void> {
    const key = this.#requireKey()
    await this.#write((content) => ({ ...content, entries: { ...content.entries, [name]: seal(key, name, value) } }))
  }

  /** Removes the entries whose names start with `prefix` (nothing when none). Works when locked. */
  async deletePrefix(prefix: string): Promise<void> {
    if (!this.names().some((n) => n.startsWith(prefix))) return
    await this.#write((content) => ({
      ...content,
      entries: Object.fromEntries(Object.entries(content.entries).filter(([n]) => !n.startsWith(prefix))),
    }))
  }

  #requireKey(): Buffer {
    if (this.key === null) throw new EngineError('VAULT_LOCKED', this.lockedReason ?? 'the vault is locked')
    return this.key
  }

  async #write(change: (content: VaultFile) => VaultFile): Promise<void> {
    const run = this.#writes.then(async () => {
      const base: VaultFile = this.content ?? {
        version: 1,
        keyCheck: seal(this.#requireKey(), 'keyCheck', KEY_CHECK),
        entries: {},
      }
      const next = change(base)
      await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 })
      const temporary = `${this.file}.${process.pid}.tmp`
      await writeFile(temporary, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 })
      await chmod(temporary, 0o600)
      await rename(temporary, this.file)
      this.content = next
    })
    this.#writes = run.catch(() => undefined)
    await run
  }
}
