import { createEcnyError } from '@ecny/sdk-core'

/** Thrown for text that is not one flat JSON object of strings: the caller decides the code. */
export class MalformedEnvelopeError extends Error {
  override name = 'MalformedEnvelopeError'
}

const simpleEscapes: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
}

/**
 * The top-level fields of a CMB envelope **as received**: each string value with its JSON escapes
 * undone except `\/`, which stays `\/` — CMB signs the escaped form (§2.4.1.2: "正斜杠做转义"), so
 * a value that held `https:\/\/…` is verified as `https:\/\/…`. Nothing is re-serialised: the sign
 * string is built from these. Numbers, booleans and null keep their text. A nested object or array
 * at the top level, a duplicate key or broken JSON throws {@link MalformedEnvelopeError}.
 *
 * @example
 * readReceivedFields('{"a":"https:\\/\\/x","b":"1"}') // { a: 'https:\\/\\/x', b: '1' }
 */
export function readReceivedFields(text: string): Record<string, string> {
  let i = 0
  const fail = (what: string): never => {
    throw new MalformedEnvelopeError(`${what} at offset ${i}`)
  }
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++
  }
  const readString = (): string => {
    if (text[i] !== '"') fail('expected a string')
    i++
    let out = ''
    for (;;) {
      if (i >= text.length) fail('unterminated string')
      const c = text[i]!
      if (c === '"') {
        i++
        return out
      }
      if (c === '\\') {
        const e = text[i + 1]
        if (e === '/') out += '\\/'
        else if (e === 'u') {
          const hex = text.slice(i + 2, i + 6)
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape')
          out += String.fromCharCode(Number.parseInt(hex, 16))
          i += 4
        } else if (e !== undefined && e in simpleEscapes) out += simpleEscapes[e]
        else fail('bad escape')
        i += 2
        continue
      }
      if (c < ' ') fail('control character in a string')
      out += c
      i++
    }
  }
  const readScalar = (): string => {
    const match = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i))
    if (!match) return fail('expected a string, number, true, false or null')
    i += match[0].length
    return match[0]
  }

  const fields: Record<string, string> = Object.create(null)
  skipSpace()
  if (text[i] !== '{') fail('expected an object')
  i++
  skipSpace()
  if (text[i] === '}') i++
  else {
    for (;;) {
      skipSpace()
      const key = readString()
      if (Object.hasOwn(fields, key)) fail(`duplicate key "${key}"`)
      skipSpace()
      if (text[i] !== ':') fail('expected :')
      i++
      skipSpace()
      fields[key] = text[i] === '"' ? readString() : readScalar()
      skipSpace()
      if (text[i] === ',') {
        i++
        continue
      }
      if (text[i] === '}') {
        i++
        break
      }
      fail('expected , or }')
    }
  }
  skipSpace()
  if (i !== text.length) fail('text after the object')
  return { ...fields }
}

/** `biz_content` as received (slashes still escaped) parsed into an object. */
export function parseBizContent(received: string | undefined, requestId?: string): Record<string, unknown> {
  if (received === undefined || received === '') return {}
  try {
    const value: unknown = JSON.parse(received)
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>
  } catch {
    // falls through
  }
  throw createEcnyError('invalid_response', 'CMB sent a biz_content that is not a JSON object.', {
    hint: 'Report this with the request id; nothing in it was used.',
    requestId,
  })
}
