import fc from 'fast-check'
import type { AudienceNode } from './AudienceNode.js'

/** Tags the property tests draw from: plain, namespaced, dotted, dashed and CJK. */
export const tagPool = [
  'payroll',
  'new_wallet',
  'staff',
  'city:suzhou',
  'city:shanghai',
  'seg.gold',
  'age-60',
  '_x',
  '代发工资',
  'city:上海',
  'vip_2',
  'T1',
  'a',
  'b',
  'c',
  'd',
  'e',
  'f',
] as const

const tag = fc.constantFrom(...tagPool).map((name): AudienceNode => ({ type: 'tag', tag: name }))

/** Random syntax trees in the shape the parser produces (flat n-ary chains, at least two operands). */
export const audienceTree: fc.Arbitrary<AudienceNode> = fc.letrec<{ node: AudienceNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tag,
    fc.record({ type: fc.constant('not' as const), operand: tie('node') }),
    fc.record({
      type: fc.constant('and' as const),
      operands: fc.array(tie('node'), { minLength: 2, maxLength: 4 }),
    }),
    fc.record({
      type: fc.constant('or' as const),
      operands: fc.array(tie('node'), { minLength: 2, maxLength: 4 }),
    }),
  ),
})).node

/** The obvious evaluator, the reference the compiled predicate must agree with. */
export function evaluateNaively(node: AudienceNode, tags: ReadonlySet<string>): boolean {
  switch (node.type) {
    case 'tag':
      return tags.has(node.tag)
    case 'not':
      return !evaluateNaively(node.operand, tags)
    case 'and':
      return node.operands.every((operand) => evaluateNaively(operand, tags))
    case 'or':
      return node.operands.some((operand) => evaluateNaively(operand, tags))
  }
}

/** Flattens nested same-operator chains, the normal form the parser produces. */
export function normalise(node: AudienceNode): AudienceNode {
  if (node.type === 'tag') return node
  if (node.type === 'not') return { type: 'not', operand: normalise(node.operand) }
  const operands = node.operands
    .map(normalise)
    .flatMap((operand) => (operand.type === node.type ? (operand as typeof node).operands : [operand]))
  return { type: node.type, operands }
}
