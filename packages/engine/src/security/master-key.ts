/** The vault key, or why there is none. */
export type MasterKey = { key: Buffer; reason: null } | { key: null; reason: string }

/** Bytes of an AES-256 key. */
const KEY_BYTES = 32

/**
 * Reads the vault's key from `IDW_MASTER_KEY`: 32 bytes written as 64 hex characters or as base64 (standard or
 * URL-safe), e.g. from `openssl rand -hex 32`. The OS keychain of the desktop app is not used yet.
 */
export function readMasterKey(env: Readonly<Record<string, string | undefined>>): MasterKey {
  const text = env.IDW_MASTER_KEY?.trim()
  if (!text)
    return {
      key: null,
      reason:
        'IDW_MASTER_KEY is not set: set it to 32 random bytes (openssl rand -hex 32) so the engine can keep passwords in its vault, or give passwords as ${ENV_VAR} references',
    }
  const key = /^[0-9a-fA-F]{64}$/.test(text)
    ? Buffer.from(text, 'hex')
    : /^[A-Za-z0-9+/_-]+={0,2}$/.test(text)
      ? Buffer.from(text.replaceAll('-', '+').replaceAll('_', '/'), 'base64')
      : null
  if (key?.length !== KEY_BYTES)
    return {
      key: null,
      reason: 'IDW_MASTER_KEY must be 32 bytes written as 64 hex characters or as base64 (openssl rand -hex 32)',
    }
  return { key, reason: null }
}
