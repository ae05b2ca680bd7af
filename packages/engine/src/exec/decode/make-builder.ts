import type { DataType, List } from 'apache-arrow'
import type { ColumnCodec } from '../type-map.js'
import type { ColumnBuilder } from './column-builder.js'
import { FixedBuilder, isFixedWidth } from './fixed-builder.js'
import { ListBuilder } from './list-builder.js'
import { VarBuilder } from './var-builder.js'

/** Makes the builder of one result column from its codec (see `planColumn`). */
export function makeColumnBuilder(codec: ColumnCodec): ColumnBuilder {
  const { value, field } = codec
  const elementType: DataType = codec.list ? (field.type as List).valueType : field.type
  const element = isFixedWidth(value.kind) ? new FixedBuilder(elementType, value) : new VarBuilder(elementType, value)
  return codec.list ? new ListBuilder(field.type as List, element) : element
}
