import {
  DataType,
  type Binary,
  type Bool,
  type Data,
  type Date_,
  type Decimal,
  type Field,
  type Float,
  type Int,
  type List,
  type Time,
  type Timestamp,
  type Utf8,
} from 'apache-arrow'
import { EngineError } from '../../api/contract/errors.js'
import type { TextMode } from './column-data.js'
import { formatLists } from './format-list.js'
import { formatBools, formatDecimals, formatFloats, formatInt64s, formatIntegers } from './format-numbers.js'
import { formatBinary, formatStrings } from './format-strings.js'
import { formatDates, formatTimes, formatTimestamps } from './format-temporal.js'

/** Field metadata key and value that mark a Utf8 column holding JSON text (PostgreSQL json/jsonb). */
const EXTENSION_KEY = 'ARROW:extension:name'
const JSON_EXTENSION = 'arrow.json'

/**
 * One column of a batch as text, one string per row, each formatted once: in `csv` mode ready to be written
 * as a CSV field, in `json` mode as a JSON value (list items).
 * @throws EngineError `EXPORT_FAILED` for an Arrow type the exec room never produces (unions, maps, intervals…).
 */
export function formatColumn(data: Data, field: Field, mode: TextMode): string[] {
  const type: DataType = data.type
  if (DataType.isInt(type)) {
    return type.bitWidth === 64 ? formatInt64s(data as Data<Int>, mode) : formatIntegers(data as Data<Int>, mode)
  }
  if (DataType.isFloat(type)) return formatFloats(data as Data<Float>, mode)
  if (DataType.isDecimal(type)) return formatDecimals(data as Data<Decimal>, mode)
  if (DataType.isBool(type)) return formatBools(data as Data<Bool>, mode)
  if (DataType.isUtf8(type)) {
    return formatStrings(data as Data<Utf8>, mode, field.metadata.get(EXTENSION_KEY) === JSON_EXTENSION)
  }
  if (DataType.isBinary(type)) return formatBinary(data as Data<Binary>, mode)
  if (DataType.isDate(type)) return formatDates(data as Data<Date_>, mode)
  if (DataType.isTimestamp(type)) return formatTimestamps(data as Data<Timestamp>, mode)
  if (DataType.isTime(type)) return formatTimes(data as Data<Time>, mode)
  if (DataType.isList(type)) return formatLists(data as Data<List>, mode)
  throw new EngineError(
    'EXPORT_FAILED',
    `column "${field.name}" has the Arrow type ${String(type)}, which the CSV export cannot write`,
    { column: field.name, arrowType: String(type) },
  )
}
