/** The fields of a node that its text-format name is made of. */
export interface LabelFields {
  nodeType: string
  joinType?: string
  strategy?: string
  partialMode?: string
  operation?: string
  parallelAware: boolean
  asyncCapable: boolean
  relation: string | null
  schema: string | null
  alias: string | null
  indexName?: string
  cteName?: string
  properties: Record<string, string>
}

const AGGREGATE_NAMES: Record<string, string> = {
  Plain: 'Aggregate',
  Sorted: 'GroupAggregate',
  Hashed: 'HashAggregate',
  Mixed: 'MixedAggregate',
}

const JOIN_PREFIX: Record<string, string> = { 'Hash Join': 'Hash', 'Merge Join': 'Merge', 'Nested Loop': 'Nested Loop' }

function baseName(node: LabelFields): string {
  const type = node.nodeType
  if (type === 'Aggregate') {
    const name = AGGREGATE_NAMES[node.strategy ?? 'Plain'] ?? 'Aggregate'
    return node.partialMode === 'Partial' || node.partialMode === 'Finalize' ? `${node.partialMode} ${name}` : name
  }
  if (type === 'SetOp') {
    const name = node.strategy === 'Hashed' ? 'HashSetOp' : 'SetOp'
    const command = node.properties['Command']
    return command === undefined ? name : `${name} ${command}`
  }
  const prefix = JOIN_PREFIX[type]
  if (prefix !== undefined) {
    const joinType = node.joinType ?? 'Inner'
    if (joinType !== 'Inner') return `${prefix} ${joinType} Join`
    return type === 'Nested Loop' ? type : `${prefix} Join`
  }
  if (type === 'ModifyTable') return node.operation ?? type
  if (type === 'Foreign Scan' && node.operation !== undefined && node.operation !== 'Select') {
    return `Foreign ${node.operation}`
  }
  if (type === 'Custom Scan') return `Custom Scan (${node.properties['Custom Plan Provider'] ?? '?'})`
  return type
}

function qualified(schema: string | null, name: string): string {
  return schema === null ? name : `${schema}.${name}`
}

function withAlias(target: string, name: string, alias: string | null): string {
  return alias === null || alias === name ? target : `${target} ${alias}`
}

function targetOf(node: LabelFields): string {
  const { properties: props } = node
  if (node.nodeType === 'Bitmap Index Scan') return node.indexName === undefined ? '' : ` on ${node.indexName}`
  let using = ''
  if (node.indexName !== undefined) {
    using = `${props['Scan Direction'] === 'Backward' ? ' Backward' : ''} using ${node.indexName}`
  }
  if (node.relation !== null) {
    return `${using} on ${withAlias(qualified(node.schema, node.relation), node.relation, node.alias)}`
  }
  const functionName = props['Function Name'] ?? props['Table Function Name']
  if (functionName !== undefined)
    return ` on ${withAlias(qualified(node.schema, functionName), functionName, node.alias)}`
  const named = node.cteName ?? props['Tuplestore Name']
  if (named !== undefined) return ` on ${withAlias(named, named, node.alias)}`
  return node.alias === null ? using : `${using} on ${node.alias}`
}

/**
 * The node's name as EXPLAIN's text format prints it before the costs: `Parallel Seq Scan on public.events`,
 * `Hash Right Join`, `Finalize GroupAggregate`, `Index Scan Backward using t_pkey on public.t x`.
 *
 * Rules from PostgreSQL's `ExplainNode` (src/backend/commands/explain.c).
 */
export function nodeLabel(node: LabelFields): string {
  const prefix = `${node.parallelAware ? 'Parallel ' : ''}${node.asyncCapable ? 'Async ' : ''}`
  return `${prefix}${baseName(node)}${targetOf(node)}`
}
