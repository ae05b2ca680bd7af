import http from 'node:http'
import { randomUUID } from 'node:crypto'

/** A request whose socket stays silent this long fails (an export job answers only when done). ms. */
const IDLE_TIMEOUT_MS = 600_000

/**
 * One POST to the web host with the bearer token; the answer's body is read chunk by chunk and dropped (only
 * its byte count is kept), so the client spends next to no CPU beside the host on a small machine.
 * @returns {Promise<{ status: number, bytes: number, headersMs: number, firstByteMs: number | null,
 *   totalMs: number, text: string }>} times in ms from the request start; `text` holds the body only when it is
 *   JSON or an error (≤ 64 KiB)
 */
function post(host, route, body) {
  const payload = Buffer.from(JSON.stringify(body))
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${host.baseUrl}${route}`,
      {
        method: 'POST',
        agent: false,
        headers: {
          authorization: `Bearer ${host.token}`,
          'content-type': 'application/json',
          'content-length': payload.length,
        },
      },
      (response) => {
        const headersMs = performance.now() - started
        const keepText = response.statusCode !== 200 || /json/.test(response.headers['content-type'] ?? '')
        let bytes = 0
        let firstByteMs = null
        let text = ''
        response.on('data', (chunk) => {
          firstByteMs ??= performance.now() - started
          bytes += chunk.length
          if (keepText && text.length < 65_536) text += chunk
        })
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            bytes,
            headersMs,
            firstByteMs,
            totalMs: performance.now() - started,
            text,
          }),
        )
        response.on('error', reject)
      },
    )
    request.setTimeout(IDLE_TIMEOUT_MS, () =>
      request.destroy(new Error(`${route}: no answer for ${IDLE_TIMEOUT_MS} ms`)),
    )
    request.on('error', reject)
    request.end(payload)
  })
}

async function postJson(host, route, body) {
  const answer = await post(host, route, body)
  if (answer.status !== 200) throw new Error(`${route} answered ${answer.status}: ${answer.text}`)
  return JSON.parse(answer.text)
}

/**
 * Streams `sql` through `POST /api/v1/query` (no row cap, no timeout) as a client would, then reads the engine's
 * own figures from `query/status`.
 * @returns {Promise<{ rows: number, bytes: number, ms: number, headersMs: number, firstBatchMs: number }>}
 *   `ms`: request start to last byte; `firstBatchMs`: the engine's query registry figure (start to first batch)
 * @throws Error when the answer is not 200 or the query did not end `done`
 */
export async function streamOverHttp(host, sql) {
  const queryId = randomUUID()
  const answer = await post(host, '/api/v1/query', { sql, queryId, maxRows: null, timeoutMs: 0 })
  if (answer.status !== 200) throw new Error(`query answered ${answer.status}: ${answer.text}`)
  const status = await postJson(host, '/api/v1/query/status', { queryId })
  if (status.state !== 'done') throw new Error(`query ended ${status.state}: ${JSON.stringify(status.error)}`)
  return {
    rows: status.rows,
    bytes: answer.bytes,
    ms: answer.totalMs,
    headersMs: answer.headersMs,
    firstBatchMs: status.firstBatchMs,
  }
}

/**
 * Runs an export job over HTTP (`export/start`, then `export/wait`) and answers the client's wall time.
 * @param {'csv' | 'parquet'} format
 * @returns {Promise<{ rows: number, bytes: number, ms: number, jobMs: number, fileName: string }>}
 * @throws Error when the job does not end `done`
 */
export async function exportOverHttp(host, sql, format, fileName) {
  const started = performance.now()
  const job = await postJson(host, '/api/v1/export/start', { sql, format, fileName })
  const done = await postJson(host, '/api/v1/export/wait', { jobId: job.jobId })
  const ms = performance.now() - started
  if (done.state !== 'done') throw new Error(`export ended ${done.state}: ${JSON.stringify(done.error)}`)
  return { rows: done.rows, bytes: done.bytes, ms, jobMs: done.elapsedMs, fileName: done.fileName }
}
