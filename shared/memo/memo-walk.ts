import type { MemoDoc, MemoNode } from '../domain/memo-doc';

/**
 * Visits every node below the doc in document order (pre-order). Uses its own stack, so a
 * deeply nested document the editor sent cannot overflow the call stack.
 */
export function forEachMemoNode(doc: MemoDoc, visit: (node: MemoNode) => void): void {
  const stack: MemoNode[] = [];
  const pushChildren = (nodes: readonly MemoNode[]) => {
    for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]!);
  };
  pushChildren(doc.content);
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    if (node.content) pushChildren(node.content);
  }
}
