import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { startTestEngine } from '../../../../packages/engine/test/test-engine.js'
import { AccessControl } from '../auth.js'
import { createWebServer } from '../server.js'

/** The web host over an engine on the test hub, for integration tests that `inject` requests. */
export interface TestWebServer {
  readonly app: FastifyInstance
  /** Headers carrying the start-up token as a bearer token. */
  readonly auth: { readonly authorization: string }
  /** Closes the web host, then the engine and its work folder. */
  close(): Promise<void>
}

/**
 * Starts an engine with the demo workspace (`startTestEngine`) and `createWebServer` over its router, accepting the
 * start-up `token`, with no UI folder and a silent logger.
 */
export async function startTestWebServer(token: string): Promise<TestWebServer> {
  const engine = await startTestEngine()
  try {
    const app = await createWebServer({
      router: engine.engine.router,
      access: new AccessControl(token),
      uiDir: null,
      logger: pino({ level: 'silent' }),
      health: () => engine.engine.health(),
    })
    return {
      app,
      auth: { authorization: `Bearer ${token}` },
      close: async () => {
        await app.close()
        await engine.close()
      },
    }
  } catch (err) {
    await engine.close()
    throw err
  }
}
