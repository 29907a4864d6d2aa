import type { AudienceNode } from './AudienceNode.js'

/**
 * Prints a syntax tree back as a canonical expression with `&`, `|`, `!` and only the parentheses
 * precedence needs. `parseAudience(printAudience(tree))` gives back an equivalent tree.
 *
 * @example
 * printAudience(parseAudience('payroll and not staff or (new_wallet)')) // 'payroll & !staff | new_wallet'
 */
export function printAudience(node: AudienceNode): string {
  switch (node.type) {
    case 'tag':
      return node.tag
    case 'not': {
      const operand = printAudience(node.operand)
      return node.operand.type === 'tag' || node.operand.type === 'not' ? `!${operand}` : `!(${operand})`
    }
    case 'and':
      return node.operands
        .map((operand) => (operand.type === 'or' ? `(${printAudience(operand)})` : printAudience(operand)))
        .join(' & ')
    case 'or':
      return node.operands.map((operand) => printAudience(operand)).join(' | ')
  }
}
