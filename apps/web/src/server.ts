import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import cookie from '@fastify/cookie'
import fastifyStatic from '@fastify/static'
import type { Logger } from 'pino'
import { ERROR_HTTP_STATUS, toErrorBody, type ErrorBody, type Router } from '@idw/engine'
import { SESSION_COOKIE, type AccessControl } from './auth.js'
import { registerApiRoutes } from './api-routes.js'
import { SIGN_IN_PAGE, UI_MISSING_PAGE } from './pages.js'

/** What the web host needs: the engine's router, the access control, the built UI folder and a logger. */
export interface WebServerOptions {
  router: Router
  access: AccessControl
  /** `packages/ui/dist`, or null when the UI is not built (the API still works). */
  uiDir: string | null
  logger: Logger
  /** Health of the hub for `GET /health`. */
  health: () => Promise<{ status: string; hub: unknown }>
}

/**
 * Fastify's own 4xx errors (malformed JSON, wrong content type, body too large) as `BAD_INPUT`; null for others.
 */
function fastifyClientError(err: unknown): ErrorBody | null {
  const status = (err as { statusCode?: unknown }).statusCode
  if (typeof status !== 'number' || status >= 500 || !(err instanceof Error) || !('code' in err)) return null
  if (typeof err.code !== 'string' || !err.code.startsWith('FST_')) return null
  return { code: 'BAD_INPUT', message: err.message }
}

/**
 * Builds the web host: a thin Fastify server carrying the engine API over HTTP (JSON methods at
 * `POST /api/v1/<method>`, Arrow IPC streams, file downloads) and serving the UI. Every `/api` route needs the
 * access token or the session cookie; requests whose Host is not a loopback name are refused (DNS rebinding).
 */
export async function createWebServer(options: WebServerOptions): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 4 * 1024 * 1024,
  })
  await app.register(cookie)

  app.setErrorHandler((err, _request, reply) => {
    const body = fastifyClientError(err) ?? toErrorBody(err, options.logger)
    void reply.status(ERROR_HTTP_STATUS[body.code]).send({ error: body })
  })

  app.addHook('onRequest', async (request, reply) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '')
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) {
      return reply.status(403).send({ error: { code: 'UNAUTHORIZED', message: `host "${host}" is not served` } })
    }
    if (!request.url.startsWith('/api/')) return
    if (options.access.isAuthorized(request.headers.authorization, request.cookies[SESSION_COOKIE])) return
    return reply.status(401).send({
      error: { code: 'UNAUTHORIZED', message: 'missing or wrong access token: open the URL printed by "idw serve"' },
    })
  })

  app.get('/health', async () => options.health())

  app.get<{ Querystring: { token?: string } }>('/', async (request, reply) => {
    const { token } = request.query
    if (token !== undefined) {
      if (!options.access.checkToken(token)) return reply.status(401).type('text/html').send(SIGN_IN_PAGE)
      reply.setCookie(SESSION_COOKIE, options.access.openSession(), { httpOnly: true, sameSite: 'strict', path: '/' })
      return reply.redirect('/', 303)
    }
    if (!options.access.isAuthorized(request.headers.authorization, request.cookies[SESSION_COOKIE])) {
      return reply.status(401).type('text/html').send(SIGN_IN_PAGE)
    }
    if (options.uiDir === null) return reply.status(503).type('text/html').send(UI_MISSING_PAGE)
    return reply.sendFile('index.html')
  })

  registerApiRoutes(app, options.router)

  if (options.uiDir !== null) {
    await app.register(fastifyStatic, { root: options.uiDir, index: false, wildcard: true })
  }
  return app
}
