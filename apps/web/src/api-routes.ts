import { Readable } from 'node:stream'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Router, StreamResponse } from '@idw/engine'

/** Header carrying the id of a streamed query, for `query/cancel` and `query/status`. */
export const QUERY_ID_HEADER = 'x-idw-query-id'

function sendStream(reply: FastifyReply, response: StreamResponse): FastifyReply {
  reply.header('content-type', response.contentType)
  reply.header('cache-control', 'no-store')
  if (response.contentLength !== undefined) reply.header('content-length', response.contentLength)
  if (response.fileName !== undefined) {
    reply.header('content-disposition', `attachment; filename="${response.fileName}"`)
  }
  if (response.streamId !== undefined) reply.header(QUERY_ID_HEADER, response.streamId)
  return reply.send(Readable.from(response.body, { objectMode: false }))
}

/**
 * The API routes: thin translations of HTTP to the engine router.
 * - `POST /api/v1/<ns>/<action>`: the JSON method `<ns>/<action>` with the body as input.
 * - `GET /api/v1/catalog`: `catalog/get`.
 * - `POST /api/v1/query` (also `/api/v1/query/run`): `query/run`, answered as an Arrow IPC stream.
 * - `POST /api/v1/table/select`: `table/select` (a filter object on a table), answered as an Arrow IPC stream.
 * - `POST /api/v1/explain`: `plan/explain` (`{ sql }` or `{ table, select }`, `analyze`, `buffers`), JSON.
 * - `POST /api/v1/export`: `export/start`, waits for the file, answers it as a download.
 * - `GET /api/v1/export/download?jobId=&file=`: a finished export's file (`file` picks one of a multi-file job).
 */
export function registerApiRoutes(app: FastifyInstance, router: Router): void {
  app.get('/api/v1/catalog', async () => router.call('catalog/get', {}))

  const runQuery = async (body: unknown, reply: FastifyReply) =>
    sendStream(reply, await router.stream('query/run', body))
  app.post('/api/v1/query', async (request, reply) => runQuery(request.body, reply))
  app.post('/api/v1/query/run', async (request, reply) => runQuery(request.body, reply))
  app.post('/api/v1/table/select', async (request, reply) =>
    sendStream(reply, await router.stream('table/select', request.body)),
  )
  app.post('/api/v1/explain', async (request) => router.call('plan/explain', request.body ?? {}))

  app.post('/api/v1/export', async (request, reply) => {
    const job = (await router.call('export/start', request.body)) as { jobId: string }
    const finished = (await router.call('export/wait', { jobId: job.jobId })) as { jobId: string }
    return sendStream(reply, await router.stream('export/download', { jobId: finished.jobId }))
  })

  app.get<{ Querystring: { jobId?: string; file?: string } }>('/api/v1/export/download', async (request, reply) =>
    sendStream(reply, await router.stream('export/download', request.query)),
  )

  app.post<{ Params: { ns: string; action: string } }>('/api/v1/:ns/:action', async (request) =>
    router.call(`${request.params.ns}/${request.params.action}`, request.body ?? {}),
  )
}
