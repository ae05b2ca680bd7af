import { EngineError } from './contract/errors.js'
import {
  API,
  STREAM_API,
  isApiMethod,
  isStreamMethod,
  type ApiMethod,
  type ApiOutput,
  type ApiParsedInput,
  type StreamMethod,
  type StreamResponse,
} from './contract/methods.js'
import type { z } from 'zod'

/** The engine's handlers, one per API method, each taking the already validated input. */
export type ApiHandlers = {
  [M in ApiMethod]: (input: ApiParsedInput<M>) => Promise<ApiOutput<M>>
}

/** The engine's streaming handlers, one per stream method. */
export type StreamHandlers = {
  [M in StreamMethod]: (input: z.infer<(typeof STREAM_API)[M]['input']>) => Promise<StreamResponse>
}

/**
 * The transport-agnostic router both hosts call: it validates the input with the contract's zod schema, then calls
 * the handler. It never touches HTTP or IPC; hosts turn what it throws into `{ code, message, detail }` with
 * `toErrorBody`.
 */
export interface Router {
  /**
   * Calls a JSON method.
   * @throws EngineError `NOT_FOUND` for an unknown method; zod `ZodError` for invalid input; whatever the handler throws.
   */
  call(method: string, input: unknown): Promise<unknown>
  /**
   * Calls a streaming method and answers its byte stream.
   * @throws EngineError `NOT_FOUND` for an unknown method; zod `ZodError` for invalid input; whatever the handler throws.
   */
  stream(method: string, input: unknown): Promise<StreamResponse>
}

/** Builds the router over the engine's handlers. */
export function createRouter(handlers: ApiHandlers, streams: StreamHandlers): Router {
  return {
    async call(method, input) {
      if (!isApiMethod(method)) throw new EngineError('NOT_FOUND', `unknown API method "${method}"`)
      const parsed: unknown = API[method].input.parse(input ?? {})
      const handler = handlers[method] as (input: unknown) => Promise<unknown>
      return handler(parsed)
    },
    async stream(method, input) {
      if (!isStreamMethod(method)) throw new EngineError('NOT_FOUND', `unknown stream method "${method}"`)
      const parsed: unknown = STREAM_API[method].input.parse(input ?? {})
      const handler = streams[method] as (input: unknown) => Promise<StreamResponse>
      return handler(parsed)
    },
  }
}
