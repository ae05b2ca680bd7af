import { z } from 'zod'

/** An FDW extension as the hub reports it (`pg_available_extensions`). */
export const ExtensionInfo = z.object({
  name: z.string(),
  /** Version the hub would install, or null when the hub cannot install it. */
  availableVersion: z.string().nullable(),
  /** Version installed in the hub database, or null. */
  installedVersion: z.string().nullable(),
})
export type ExtensionInfo = z.infer<typeof ExtensionInfo>

/** `hub/status` output: where the hub is and what it can do. Never contains a password. */
export const HubStatus = z.object({
  status: z.enum(['starting', 'ready', 'error', 'stopped']),
  kind: z.enum(['embedded', 'external']),
  /** `server_version` of the hub, e.g. "18.4". */
  version: z.string().nullable(),
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  database: z.string().nullable(),
  /** Data directory of an embedded hub. */
  dataDir: z.string().nullable(),
  extensions: z.array(ExtensionInfo),
  /** Last start or connection error, when `status` is `error`. */
  error: z.string().nullable(),
})
export type HubStatus = z.infer<typeof HubStatus>
