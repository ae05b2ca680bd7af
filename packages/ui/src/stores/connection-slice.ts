import type { HubStatus } from '@idw/engine/api'
import { toErrorView } from './error-view'
import type { ErrorView } from './error-view'
import type { SliceCreator } from './store-types'

/** Which engine the UI talks to and how the hub is doing. */
export interface ConnectionState {
  transport: 'http' | 'ipc'
  /** Last `hub/status` answer; kept while a later check fails. */
  hub: HubStatus | null
  /** Why the last check failed, or null. */
  hubError: ErrorView | null
  /** `Date.now()` of the last finished check, or null before the first. ms. */
  hubCheckedAt: number | null
}

/** Connection state (transport, hub status, last check) and the hub polling actions. */
export interface ConnectionSlice {
  connection: ConnectionState
  /** Asks `hub/status` once. Never rejects: a failure lands in `connection.hubError`. */
  refreshHub(): Promise<void>
  /** Checks the hub now and every `hubPollMs`; returns the function that stops it. */
  startHubPolling(): () => void
}

/** The connection/health slice: the transport in use and the hub's status. */
export const createConnectionSlice: SliceCreator<ConnectionSlice> =
  ({ client, options }) =>
  (set, get) => ({
    connection: { transport: client.kind, hub: null, hubError: null, hubCheckedAt: null },

    async refreshHub() {
      try {
        const hub = await client.call('hub/status', {})
        set((s) => ({ connection: { ...s.connection, hub, hubError: null, hubCheckedAt: Date.now() } }))
      } catch (error) {
        set((s) => ({ connection: { ...s.connection, hubError: toErrorView(error), hubCheckedAt: Date.now() } }))
      }
    },

    startHubPolling() {
      void get().refreshHub()
      const timer = setInterval(() => void get().refreshHub(), options.hubPollMs)
      return () => clearInterval(timer)
    },
  })
