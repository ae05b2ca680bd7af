import { isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml'

function findPair(node: unknown, key: PropertyKey): Pair | undefined {
  if (!isMap(node)) return undefined
  return node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(key))
}

/**
 * The deepest node of `doc` along `path` (map keys and sequence indexes) — with `key`, the key node of that
 * entry of the map reached — used to point a config error at its line and column.
 */
export function locateNode(doc: Document, path: ReadonlyArray<PropertyKey>, key?: string): Node | null {
  let node: unknown = doc.contents
  let found = (doc.contents as Node | null) ?? null
  for (const segment of path) {
    const next: unknown =
      isSeq(node) && typeof segment === 'number' ? node.items[segment] : findPair(node, segment)?.value
    const keyNode = findPair(node, segment)?.key as Node | undefined
    if (next === undefined || next === null) return keyNode ?? found
    node = next
    found = next as Node
  }
  if (key !== undefined) return (findPair(node, key)?.key as Node | undefined) ?? found
  return found
}
