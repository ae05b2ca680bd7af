import net from 'node:net'

/** True when nothing listens on 127.0.0.1:`port`. */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', () => resolve(false))
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)))
  })
}

/**
 * The first free TCP port on 127.0.0.1 from `start` on, trying `attempts` ports.
 * @throws Error when all are taken (the caller turns it into `HUB_START_FAILED`).
 */
export async function findFreePort(start: number, attempts = 50): Promise<number> {
  for (let port = start; port < start + attempts; port++) {
    if (await isFree(port)) return port
  }
  throw new Error(`no free TCP port on 127.0.0.1 between ${start} and ${start + attempts - 1}`)
}
