import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { KEYCHAIN_KEY_FILE, provideMasterKey, type KeyProtector } from './keychain-master-key.js'

/** A stand-in for the OS keychain that really transforms the bytes, so a clear key on disk would show. */
const keychain: KeyProtector = {
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.from(text, 'utf8').map((byte) => byte ^ 0x5a),
  decryptString: (data) => Buffer.from(data.map((byte) => byte ^ 0x5a)).toString('utf8'),
}

describe('provideMasterKey', () => {
  const dirs: string[] = []
  const dataDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'idw-keychain-'))
    dirs.push(dir)
    return dir
  }
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

  it('keeps IDW_MASTER_KEY from the environment', () => {
    const env = { IDW_MASTER_KEY: 'ab'.repeat(32) }
    expect(provideMasterKey(env, dataDir(), keychain)).toBe('env')
    expect(env.IDW_MASTER_KEY).toBe('ab'.repeat(32))
  })

  it('creates a key once, stores it only encrypted (0600), and gives the same key on the next start', () => {
    const dir = dataDir()
    const first: NodeJS.ProcessEnv = {}
    expect(provideMasterKey(first, dir, keychain)).toBe('keychain')
    expect(first.IDW_MASTER_KEY).toMatch(/^[0-9a-f]{64}$/)
    const stored = readFileSync(path.join(dir, KEYCHAIN_KEY_FILE))
    expect(stored.toString('utf8')).not.toContain(first.IDW_MASTER_KEY)
    expect(statSync(path.join(dir, KEYCHAIN_KEY_FILE)).mode & 0o777).toBe(0o600)
    const second: NodeJS.ProcessEnv = {}
    expect(provideMasterKey(second, dir, keychain)).toBe('keychain')
    expect(second.IDW_MASTER_KEY).toBe(first.IDW_MASTER_KEY)
  })

  it('leaves the vault locked when the OS keychain is unavailable', () => {
    const env: NodeJS.ProcessEnv = {}
    expect(provideMasterKey(env, dataDir(), { ...keychain, isEncryptionAvailable: () => false })).toBe('unavailable')
    expect(env.IDW_MASTER_KEY).toBeUndefined()
  })
})
