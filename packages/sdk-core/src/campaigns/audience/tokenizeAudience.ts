import { audienceSyntaxError } from './audienceSyntaxError.js'

export type AudienceToken = {
  readonly kind: 'tag' | 'and' | 'or' | 'not' | '(' | ')' | 'end'
  /** The tag's name for `tag` tokens, the source text otherwise. */
  readonly text: string
  /** 0-based index of the token's first code point. */
  readonly position: number
}

const ASCII_START = /[A-Za-z_]/
const ASCII_PART = /[A-Za-z0-9_:.-]/
const HAN = /\p{Script=Han}/u
const SPACE = /\s/
const KEYWORDS = new Map<string, 'and' | 'or' | 'not'>([
  ['and', 'and'],
  ['or', 'or'],
  ['not', 'not'],
])

const isTagStart = (char: string) => ASCII_START.test(char) || HAN.test(char)
const isTagPart = (char: string) => ASCII_PART.test(char) || HAN.test(char)

/**
 * Splits an audience expression into tokens. Tags are `[A-Za-z_][A-Za-z0-9_:.-]*`, where CJK
 * (Han) characters may appear anywhere; `and`/`or`/`not` (any case), `&`/`&&`, `|`/`||`, `!` and
 * parentheses (also full-width `（）`) are operators. Throws `expression_syntax` on any other character.
 */
export function tokenizeAudience(expression: string): AudienceToken[] {
  const chars = Array.from(expression)
  const tokens: AudienceToken[] = []
  let index = 0
  while (index < chars.length) {
    const char = chars[index]!
    const position = index
    if (SPACE.test(char)) {
      index++
    } else if (char === '(' || char === '（') {
      tokens.push({ kind: '(', text: char, position })
      index++
    } else if (char === ')' || char === '）') {
      tokens.push({ kind: ')', text: char, position })
      index++
    } else if (char === '!') {
      tokens.push({ kind: 'not', text: char, position })
      index++
    } else if (char === '&' || char === '|') {
      const doubled = chars[index + 1] === char
      tokens.push({ kind: char === '&' ? 'and' : 'or', text: doubled ? char + char : char, position })
      index += doubled ? 2 : 1
    } else if (isTagStart(char)) {
      let end = index + 1
      while (end < chars.length && isTagPart(chars[end]!)) end++
      const text = chars.slice(index, end).join('')
      const keyword = KEYWORDS.get(text.toLowerCase())
      tokens.push({ kind: keyword ?? 'tag', text, position })
      index = end
    } else {
      const shown = /[\p{L}\p{N}\p{P}\p{S}]/u.test(char)
        ? `'${char}'`
        : `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
      throw audienceSyntaxError(
        expression,
        position,
        /[0-9]/.test(char) ? `a tag cannot start with a digit (${shown})` : `unexpected character ${shown}`,
      )
    }
  }
  tokens.push({ kind: 'end', text: '', position: chars.length })
  return tokens
}
