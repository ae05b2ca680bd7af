import { z } from 'zod'
import { Catalog } from './catalog.js'
import { ExportJob, ExportJobInput, ExportStartInput } from './export.js'
import { HubStatus } from './hub.js'
import { ExplainAnalysis } from './plan.js'
import { BuiltQuery, ExplainInput, ExplainOutput, PlanParseInput, TableRunInput, TableSelectInput } from './table.js'
import { QueryCancelInput, QueryCancelOutput, QueryRunInput, QueryStatus, QueryStatusInput } from './query.js'
import {
  ParseUriInput,
  ParseUriOutput,
  RemoteTablesInput,
  RemoteTablesOutput,
  SourceTestResult,
  SourceTypesOutput,
  SourcesAddInput,
  SourcesAddOutput,
  SourcesListOutput,
  SourcesRefreshInput,
  SourcesRefreshOutput,
  SourcesRemoveInput,
  SourcesRemoveOutput,
  SourcesTestInput,
} from './sources.js'

const Empty = z.object({}).strict()

/**
 * The engine API: one entry per method name with its input and output schemas. Hosts validate every
 * input with these schemas before calling the engine; clients may validate outputs.
 */
export const API = {
  'hub/status': { input: Empty, output: HubStatus },
  'catalog/get': { input: Empty, output: Catalog },
  'query/cancel': { input: QueryCancelInput, output: QueryCancelOutput },
  'query/status': { input: QueryStatusInput, output: QueryStatus },
  'query/build': { input: TableSelectInput, output: BuiltQuery },
  'plan/explain': { input: ExplainInput, output: ExplainOutput },
  'plan/parse': { input: PlanParseInput, output: ExplainAnalysis },
  'export/start': { input: ExportStartInput, output: ExportJob },
  'export/status': { input: ExportJobInput, output: ExportJob },
  'export/cancel': { input: ExportJobInput, output: ExportJob },
  'export/wait': { input: ExportJobInput, output: ExportJob },
  'export/list': { input: Empty, output: z.object({ jobs: z.array(ExportJob) }) },
  'sources/types': { input: Empty, output: SourceTypesOutput },
  'sources/parse-uri': { input: ParseUriInput, output: ParseUriOutput },
  'sources/list': { input: Empty, output: SourcesListOutput },
  'sources/test': { input: SourcesTestInput, output: SourceTestResult },
  'sources/remote-tables': { input: RemoteTablesInput, output: RemoteTablesOutput },
  'sources/add': { input: SourcesAddInput, output: SourcesAddOutput },
  'sources/refresh': { input: SourcesRefreshInput, output: SourcesRefreshOutput },
  'sources/remove': { input: SourcesRemoveInput, output: SourcesRemoveOutput },
} as const

/** Methods answering one JSON value. */
export type ApiMethod = keyof typeof API
/** The input a client sends to `M` (optional fields may be absent). */
export type ApiInput<M extends ApiMethod> = z.input<(typeof API)[M]['input']>
/** The input the engine's handler of `M` receives: `ApiInput<M>` once the contract's schema parsed it. */
export type ApiParsedInput<M extends ApiMethod> = z.infer<(typeof API)[M]['input']>
/** The output type of JSON method `M` (as the handler answers it). */
export type ApiOutput<M extends ApiMethod> = z.infer<(typeof API)[M]['output']>

/**
 * Methods answering a byte stream instead of one JSON value:
 * - `query/run`: an Arrow IPC stream (`application/vnd.apache.arrow.stream`) of the result's RecordBatches.
 * - `table/select`: the same for a filter-built query on one table.
 * - `export/download`: the bytes of a finished export file.
 */
export const STREAM_API = {
  'query/run': { input: QueryRunInput },
  'table/select': { input: TableRunInput },
  'export/download': { input: ExportJobInput },
} as const

/** Names of the streaming methods (`query/run`, `table/select`, `export/download`). */
export type StreamMethod = keyof typeof STREAM_API
/** The input of stream method `M` as a caller writes it (before zod defaults). */
export type StreamInput<M extends StreamMethod> = z.input<(typeof STREAM_API)[M]['input']>

/** A streamed answer: its MIME type, an optional length and file name, and the bytes. */
export interface StreamResponse {
  contentType: string
  /** Bytes, when known before streaming. */
  contentLength?: number
  /** Suggested download name (Content-Disposition). */
  fileName?: string
  /** Id of what is streamed (the query id of `query/run`), so the caller can cancel it or read its status. */
  streamId?: string
  body: AsyncIterable<Uint8Array>
}

/** True when `name` is a JSON method of the API. */
export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(API, name)
}

/** True when `name` is a streaming method of the API. */
export function isStreamMethod(name: string): name is StreamMethod {
  return Object.hasOwn(STREAM_API, name)
}
