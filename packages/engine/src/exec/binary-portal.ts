import type { Duplex } from 'node:stream'
import type pg from 'pg'
import type { WireParameter } from './parameter-text.js'

/** The part of node-postgres' `Connection` (pg/lib/connection.js) a portal writes its messages with. */
interface ExtendedProtocol {
  readonly stream: Duplex
  parse(query: { text: string; types: number[] }): void
  bind(config: { values: readonly WireParameter[]; binary: boolean }): void
  execute(config: { rows: number }): void
  sync(): void
}

type DataListener = (chunk: Buffer) => void

/**
 * One statement run through the extended protocol with bind parameters and a BINARY result format, whose rows are
 * read as raw bytes straight from the socket. node-postgres cannot deliver binary rows itself: pg-protocol decodes
 * every DataRow field as UTF-8 text, which corrupts binary values. So, as pg-copy-streams does for COPY, the portal
 * takes the connection's socket over while rows flow, then gives it back.
 *
 * Lifecycle: `client.query(portal)` → `submit` sends Parse (unnamed statement, parameter types inferred), Bind
 * (text parameters, binary results), Execute (all rows) and Sync, and detaches pg's socket listener → `read()`
 * answers socket chunks, pulled only when the caller wants more (so a slow consumer holds the hub back through TCP,
 * like COPY) → `finish(rest)` hands the bytes after the rows back to pg, which parses CommandComplete or the
 * ErrorResponse and ReadyForQuery; it resolves when the statement is over.
 */
export class BinaryPortal implements pg.Submittable {
  private socket: Duplex | null = null
  private pgListener: DataListener | null = null
  private attached = false
  private failure: Error | null = null
  private wake: (() => void) | null = null
  private readonly onSocketEvent = (): void => this.wakeReader()
  private settle: { resolve: () => void; reject: (err: Error) => void } | null = null
  private readonly settled: Promise<void>

  constructor(
    private readonly text: string,
    private readonly values: readonly WireParameter[],
  ) {
    this.settled = new Promise<void>((resolve, reject) => {
      this.settle = { resolve, reject }
    })
    // pg may report the connection's end after the reader let go; that must not be an unhandled rejection.
    this.settled.catch(() => undefined)
  }

  /** Called by node-postgres once the client is ready for this statement. */
  submit(connection: pg.Connection): void {
    const protocol = connection as unknown as ExtendedProtocol
    const socket = protocol.stream
    const listeners = socket.listeners('data') as DataListener[]
    if (listeners.length !== 1) {
      this.handleError(new Error(`expected one data listener on the hub connection, found ${listeners.length}`))
      return
    }
    this.socket = socket
    this.pgListener = listeners[0]!
    socket.removeListener('data', this.pgListener)
    socket.pause()
    socket.on('readable', this.onSocketEvent)
    socket.on('end', this.onSocketEvent)
    socket.on('close', this.onSocketEvent)
    this.attached = true
    protocol.parse({ text: this.text, types: [] })
    protocol.bind({ values: this.values, binary: true })
    protocol.execute({ rows: 0 })
    protocol.sync()
  }

  /**
   * The next chunk of backend bytes, as it arrived.
   * @throws the error that failed the portal (`abort`, a connection error reported by pg, the socket closing).
   */
  async read(): Promise<Buffer> {
    for (;;) {
      if (this.failure !== null) throw this.failure
      const socket = this.socket
      if (socket === null || !this.attached) throw new Error('the portal is not reading from the hub connection')
      const chunk = socket.read() as Buffer | null
      if (chunk !== null) return chunk
      if (socket.destroyed || socket.readableEnded) throw new Error('Connection terminated unexpectedly')
      await new Promise<void>((resolve) => {
        this.wake = resolve
      })
    }
  }

  /**
   * Gives the socket back to node-postgres with `rest` (the bytes read past the rows) and waits until the statement
   * is over. @throws the pg `DatabaseError` the hub answered (the connection is then idle), or a connection error.
   */
  finish(rest: Uint8Array): Promise<void> {
    const socket = this.socket
    const pgListener = this.pgListener
    if (socket !== null && pgListener !== null && this.attached) {
      this.attached = false
      this.detach(socket)
      socket.on('data', pgListener)
      if (rest.length > 0) pgListener(Buffer.from(rest.buffer, rest.byteOffset, rest.byteLength))
      process.nextTick(() => socket.resume())
    }
    return this.settled
  }

  /** Fails the pending and every later `read()` with `err` (cancel, close). The caller then destroys the client. */
  abort(err: Error): void {
    this.failure ??= err
    this.wakeReader()
  }

  handleError(err: Error): void {
    this.failure ??= err
    this.settle?.reject(err)
    this.wakeReader()
  }

  handleReadyForQuery(): void {
    this.settle?.resolve()
  }

  handleCommandComplete(): void {}

  handleEmptyQuery(): void {}

  private wakeReader(): void {
    const wake = this.wake
    this.wake = null
    wake?.()
  }

  private detach(socket: Duplex): void {
    socket.removeListener('readable', this.onSocketEvent)
    socket.removeListener('end', this.onSocketEvent)
    socket.removeListener('close', this.onSocketEvent)
  }
}
