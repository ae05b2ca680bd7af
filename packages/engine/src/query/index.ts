/**
 * The query builder (pure: no database): a select spec on one catalog table → a tree of frozen nodes →
 * parameterized PostgreSQL. `buildSelectQuery` does both steps; `parseSelect`/`parseFilter` and
 * `compileSelect` are the two halves, so transforms (projections, limits, policies) can run on the tree.
 */
export { buildSelectQuery } from './build-select-query.js'
export { parseSelect } from './parse-select.js'
export { parseFilter } from './parse-filter.js'
export { compileSelect } from './compile-select.js'
export { quoteIdentifier } from './quote-identifier.js'
export type { CompiledQuery } from './compiled-query.js'
export type { QueryIssue, PathSegment } from './issues.js'
export { OrderByItemSchema, SelectSpecSchema } from './select-spec.js'
export type {
  ColumnConditionInput,
  ColumnOperatorsInput,
  FilterInput,
  FilterScalar,
  OrderByItem,
  SelectSpec,
} from './select-spec.js'
export {
  AndNode,
  BetweenNode,
  ColumnRefNode,
  ComparisonNode,
  InListNode,
  NotNode,
  NullCheckNode,
  OrNode,
  PatternMatchNode,
  ValueNode,
} from './filter-nodes.js'
export type { ComparisonOperator, FilterNode, PatternOperator, ScalarCast, SqlCast } from './filter-nodes.js'
export { OrderByItemNode, SelectNode, TableRefNode } from './select-node.js'
export type { SelectNodeProps } from './select-node.js'
