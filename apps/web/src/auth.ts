import { randomBytes, timingSafeEqual } from 'node:crypto'

/** Name of the session cookie set when the start-up URL (`/?token=…`) is opened. */
export const SESSION_COOKIE = 'idw_session'

/**
 * The single-user access check of the web host, Jupyter style: one access token (`IDW_TOKEN`, or a random one
 * printed in the start-up URL), presented as `Authorization: Bearer <token>` or exchanged once for an HttpOnly,
 * SameSite=Strict session cookie. Sessions live in memory and end with the process.
 */
export class AccessControl {
  readonly #token: Buffer
  readonly #sessions = new Set<string>()

  constructor(readonly token: string) {
    this.#token = Buffer.from(token)
  }

  /** A fresh random token: 24 bytes as 48 hex characters. */
  static randomToken(): string {
    return randomBytes(24).toString('hex')
  }

  /** True when `candidate` equals the token (constant time). */
  checkToken(candidate: string | undefined): boolean {
    if (candidate === undefined) return false
    const given = Buffer.from(candidate)
    return given.length === this.#token.length && timingSafeEqual(given, this.#token)
  }

  /** Opens a session and answers its id, the cookie value. */
  openSession(): string {
    const id = randomBytes(32).toString('base64url')
    this.#sessions.add(id)
    return id
  }

  /** True when the request carries the token as a bearer header or a known session cookie. */
  isAuthorized(authorization: string | undefined, sessionId: string | undefined): boolean {
    const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]
    if (bearer !== undefined && this.checkToken(bearer.trim())) return true
    return sessionId !== undefined && this.#sessions.has(sessionId)
  }
}
