import { inputError } from './inputError.js'
import { type ByteSource, toAsyncIterable } from './toAsyncIterable.js'

/** No statement line comes near this; a longer one means the input is not line-oriented text. */
export const maxLineLength = 1 << 20

/**
 * Splits a byte or text source into lines without holding more than one chunk plus one partial line.
 * Yields the complete lines of each chunk as one array (cheaper than one yield per line). Line ends
 * are `\n`; a `\r` before it is dropped; a leading byte-order mark is dropped. A chunk may end in the middle of a line or of a multi-byte
 * UTF-8 character. Invalid UTF-8 is an `invalid_request` error naming the line.
 *
 * @example
 * let count = 0
 * for await (const lines of readLineBatches(createReadStream('statement.csv'))) count += lines.length
 */
export async function* readLineBatches(source: ByteSource, file = 'input'): AsyncGenerator<string[]> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let partial = ''
  let linesSoFar = 0
  const decode = (chunk: Uint8Array | string, stream: boolean): string => {
    try {
      if (typeof chunk === 'string') return decoder.decode(new Uint8Array(0)) + chunk
      return decoder.decode(chunk, { stream })
    } catch (cause) {
      // Locate the bad bytes: the line is the one holding the first replacement character.
      const lenient = typeof chunk === 'string' ? '' : new TextDecoder().decode(chunk)
      const bad = lenient.indexOf('\uFFFD')
      const before = bad === -1 ? '' : lenient.slice(0, bad)
      const line = linesSoFar + 1 + before.split('\n').length - 1
      throw inputError({ file, line }, `not valid UTF-8 (${String(cause)})`)
    }
  }
  const split = (text: string): string[] => {
    const lines = (partial + text).split('\n')
    partial = lines.pop()!
    if (partial.length > maxLineLength) {
      throw inputError(
        { file, line: linesSoFar + lines.length + 1 },
        `line longer than ${maxLineLength} characters`,
      )
    }
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!
      if (line.charCodeAt(line.length - 1) === 13) lines[i] = line.slice(0, -1)
    }
    linesSoFar += lines.length
    return lines
  }
  for await (const chunk of toAsyncIterable(source)) {
    const lines = split(decode(chunk, true))
    if (lines.length > 0) yield lines
  }
  const rest = split(decode(new Uint8Array(0), false))
  if (partial.length > 0) {
    rest.push(partial.charCodeAt(partial.length - 1) === 13 ? partial.slice(0, -1) : partial)
    partial = ''
  }
  if (rest.length > 0) yield rest
}
