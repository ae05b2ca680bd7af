/**
 * Streaming execution: one SQL statement run READ ONLY on the hub, streamed as Arrow RecordBatches (binary COPY, or a
 * binary portal when it has bind parameters, decoded into Arrow buffers), with cancel, statement timeout and row
 * cap; plus the Arrow IPC stream encoder and the wire form of parameters.
 */
export { openQueryStream } from './open-query-stream.js'
export { encodeArrowIpcStream } from './arrow-ipc.js'
export type { IpcProgress } from './arrow-ipc.js'
export { BATCH_BYTES_CAP, DEFAULT_BATCH_ROWS, DEFAULT_TIMEOUT_MS } from './query-stream.types.js'
export type { QueryStream, QueryStreamOptions } from './query-stream.types.js'
export { ARROW_EXTENSION_NAME_KEY, ARROW_JSON_EXTENSION, planColumn } from './type-map.js'
export type { ColumnCodec, PgColumnType, ValueCodec, ValueKind } from './type-map.js'
export { encodeParameter, encodeParameters } from './parameter-text.js'
export type { WireParameter } from './parameter-text.js'
export { describeParameterTypes } from './parameter-types.js'
