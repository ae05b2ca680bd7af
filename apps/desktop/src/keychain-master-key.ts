import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** The OS keychain as Electron's `safeStorage` offers it (Keychain on macOS, DPAPI on Windows, libsecret on Linux). */
export interface KeyProtector {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
}

/** Where the vault's key came from: the environment, the OS keychain, or nowhere (the vault stays locked). */
export type MasterKeySource = 'env' | 'keychain' | 'unavailable'

/** File in the data folder holding the vault key encrypted by the OS keychain (never the key in clear). */
export const KEYCHAIN_KEY_FILE = 'vault-key.keychain'

/**
 * Gives the desktop engine its vault key without asking the user: `IDW_MASTER_KEY` when set; else a random
 * 32-byte key created once, stored in `<dataDir>/vault-key.keychain` encrypted by the OS keychain, and put in
 * `env.IDW_MASTER_KEY` for the engine's vault. When the keychain is unavailable the vault stays locked and
 * passwords must be `${ENV}` references.
 * @throws Error when the stored key cannot be decrypted (another OS user, or a reset keychain).
 */
export function provideMasterKey(env: NodeJS.ProcessEnv, dataDir: string, protector: KeyProtector): MasterKeySource {
  if (env.IDW_MASTER_KEY) return 'env'
  if (!protector.isEncryptionAvailable()) return 'unavailable'
  const file = path.join(dataDir, KEYCHAIN_KEY_FILE)
  if (existsSync(file)) {
    env.IDW_MASTER_KEY = protector.decryptString(readFileSync(file))
    return 'keychain'
  }
  const key = randomBytes(32).toString('hex')
  mkdirSync(dataDir, { recursive: true })
  writeFileSync(file, protector.encryptString(key), { mode: 0o600, flag: 'wx' })
  env.IDW_MASTER_KEY = key
  return 'keychain'
}
