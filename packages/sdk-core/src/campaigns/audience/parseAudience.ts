import type { AudienceNode } from './AudienceNode.js'
import { audienceSyntaxError } from './audienceSyntaxError.js'
import { type AudienceToken, tokenizeAudience } from './tokenizeAudience.js'

/** Longer expressions are refused: an audience is a handful of tags, not a program. */
export const MAX_AUDIENCE_LENGTH = 4096
/** Deeper parenthesis nesting is refused (keeps the parser's recursion bounded). */
export const MAX_AUDIENCE_DEPTH = 64

const describe = (token: AudienceToken) =>
  token.kind === 'end' ? 'the end' : token.kind === 'tag' ? `tag '${token.text}'` : `'${token.text}'`

/**
 * Parses an audience tag expression into a syntax tree. Precedence: `not` > `and` > `or`; `and`/`or`
 * chains become one n-ary node. Throws `expression_syntax` naming the 1-based column on a syntax error.
 *
 * @example
 * parseAudience('payroll & !staff | new_wallet')
 * // { type: 'or', operands: [
 * //   { type: 'and', operands: [{ type: 'tag', tag: 'payroll' }, { type: 'not', operand: { type: 'tag', tag: 'staff' } }] },
 * //   { type: 'tag', tag: 'new_wallet' } ] }
 */
export function parseAudience(expression: string): AudienceNode {
  if (typeof expression !== 'string') {
    throw audienceSyntaxError(
      '',
      0,
      `expected the expression as a string, got ${expression === null ? 'null' : typeof expression}`,
    )
  }
  if (expression.length > MAX_AUDIENCE_LENGTH) {
    throw audienceSyntaxError(
      expression,
      MAX_AUDIENCE_LENGTH,
      `the expression is longer than ${MAX_AUDIENCE_LENGTH} characters`,
    )
  }
  const tokens = tokenizeAudience(expression)
  let index = 0
  const peek = () => tokens[index]!

  function parseOr(depth: number): AudienceNode {
    const operands = [parseAnd(depth)]
    while (peek().kind === 'or') {
      index++
      operands.push(parseAnd(depth))
    }
    return operands.length === 1 ? operands[0]! : { type: 'or', operands }
  }

  function parseAnd(depth: number): AudienceNode {
    const operands = [parseUnary(depth)]
    while (peek().kind === 'and') {
      index++
      operands.push(parseUnary(depth))
    }
    return operands.length === 1 ? operands[0]! : { type: 'and', operands }
  }

  function parseUnary(depth: number): AudienceNode {
    let negations = 0
    while (peek().kind === 'not') {
      negations++
      index++
    }
    let node = parsePrimary(depth)
    for (let i = 0; i < negations; i++) node = { type: 'not', operand: node }
    return node
  }

  function parsePrimary(depth: number): AudienceNode {
    const token = peek()
    if (token.kind === 'tag') {
      index++
      return { type: 'tag', tag: token.text }
    }
    if (token.kind === '(') {
      if (depth >= MAX_AUDIENCE_DEPTH) {
        throw audienceSyntaxError(
          expression,
          token.position,
          `parentheses nest deeper than ${MAX_AUDIENCE_DEPTH} levels`,
        )
      }
      index++
      const inner = parseOr(depth + 1)
      const close = peek()
      if (close.kind !== ')') {
        throw audienceSyntaxError(
          expression,
          close.position,
          `expected ')' to close the '(' at column ${token.position + 1}, found ${describe(close)}`,
        )
      }
      index++
      return inner
    }
    throw audienceSyntaxError(expression, token.position, `expected a tag or '(', found ${describe(token)}`)
  }

  const tree = parseOr(0)
  const rest = peek()
  if (rest.kind !== 'end') {
    const problem =
      rest.kind === ')'
        ? "found ')' without a matching '('"
        : `expected 'and', 'or' or the end, found ${describe(rest)}`
    throw audienceSyntaxError(expression, rest.position, problem)
  }
  return tree
}
