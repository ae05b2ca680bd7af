import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EngineError } from '../api/contract/errors.js'
import { readMasterKey } from './master-key.js'
import { Vault } from './vault.js'

const SECRET = 'p@ss#w:rd/?'
const hexKey = randomBytes(32).toString('hex')
let dir: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'idw-vault-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('readMasterKey', () => {
  it('reads 32 bytes as hex or base64 and refuses anything else', () => {
    const bytes = randomBytes(32)
    expect(readMasterKey({ IDW_MASTER_KEY: bytes.toString('hex') }).key).toEqual(bytes)
    expect(readMasterKey({ IDW_MASTER_KEY: bytes.toString('base64') }).key).toEqual(bytes)
    expect(readMasterKey({ IDW_MASTER_KEY: bytes.toString('base64url') }).key).toEqual(bytes)
    expect(readMasterKey({}).reason).toMatch(/^IDW_MASTER_KEY is not set/)
    expect(readMasterKey({ IDW_MASTER_KEY: 'abcd' }).reason).toMatch(/must be 32 bytes/)
    expect(readMasterKey({ IDW_MASTER_KEY: randomBytes(16).toString('hex') }).key).toBeNull()
  })
})

describe('Vault', () => {
  it('stores a secret encrypted (mode 0600) and reads it back after reopening', async () => {
    const vault = await Vault.open(dir, { IDW_MASTER_KEY: hexKey })
    await vault.set('source:shop:user_mapping:password', SECRET)
    const file = path.join(dir, 'vault.json')
    const text = await readFile(file, 'utf8')
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain(Buffer.from(SECRET).toString('base64'))
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    const again = await Vault.open(dir, { IDW_MASTER_KEY: hexKey })
    expect(again.get('source:shop:user_mapping:password')).toBe(SECRET)
    expect(again.get('nothing')).toBeUndefined()
    expect(again.names()).toEqual(['source:shop:user_mapping:password'])
  })

  it('is locked without a key or with another key, and says why', async () => {
    await (await Vault.open(dir, { IDW_MASTER_KEY: hexKey })).set('a', SECRET)
    const none = await Vault.open(dir, {})
    expect(none.unlocked).toBe(false)
    expect(() => none.get('a')).toThrow(EngineError)
    await expect(none.set('b', 'x')).rejects.toMatchObject({ code: 'VAULT_LOCKED' })
    const wrong = await Vault.open(dir, { IDW_MASTER_KEY: randomBytes(32).toString('hex') })
    expect(wrong.lockedReason).toMatch(/is not the key the vault .* was written with/)
    expect(wrong.has('a')).toBe(true)
  })

  it('refuses an entry moved to another name', async () => {
    const vault = await Vault.open(dir, { IDW_MASTER_KEY: hexKey })
    await vault.set('a', SECRET)
    const file = path.join(dir, 'vault.json')
    const content = JSON.parse(await readFile(file, 'utf8'))
    content.entries.b = content.entries.a
    await writeFile(file, JSON.stringify(content))
    const reopened = await Vault.open(dir, { IDW_MASTER_KEY: hexKey })
    expect(reopened.get('a')).toBe(SECRET)
    expect(() => reopened.get('b')).toThrow(/cannot be decrypted/)
  })

  it('deletes entries by prefix, even when locked', async () => {
    const vault = await Vault.open(dir, { IDW_MASTER_KEY: hexKey })
    await vault.set('source:a:user_mapping:password', '1')
    await vault.set('source:ab:user_mapping:password', '2')
    await (await Vault.open(dir, {})).deletePrefix('source:a:')
    expect((await Vault.open(dir, { IDW_MASTER_KEY: hexKey })).names()).toEqual(['source:ab:user_mapping:password'])
  })
})
