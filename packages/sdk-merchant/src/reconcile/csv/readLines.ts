import { inputError } from './inputError.js'
import { defaultMaxLineLength, lineTooLongError } from './lineTooLongError.js'
import { type ByteSource, toAsyncIterable } from './toAsyncIterable.js'

/**
 * Splits a byte or text source into lines without holding more than one chunk plus one partial line.
 * Yields the complete lines of each chunk as one array (cheaper than one yield per line). Line ends
 * are `\n`; a `\r` before it is dropped (so a `\r\n` inside a quoted field reads as `\n`); a leading byte-order mark is dropped. A chunk may end in the middle of a line or of a multi-byte
 * UTF-8 character. Invalid UTF-8 is an `invalid_request` error naming the line. Time is linear in
 * the input however small the chunks: the pieces of an unfinished line are kept in a list and
 * joined once, when its line end arrives. A line that grows past `maxLineLength` characters before
 * its line end is a `csv_line_too_long` error.
 *
 * @example
 * let count = 0
 * for await (const lines of readLineBatches(createReadStream('statement.csv'))) count += lines.length
 */
export async function* readLineBatches(
  source: ByteSource,
  file = 'input',
  maxLineLength = defaultMaxLineLength,
): AsyncGenerator<string[]> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  /** The pieces of the unfinished line, joined when its line end arrives. */
  let pieces: string[] = []
  let partialLength = 0
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
    const firstEnd = text.indexOf('\n')
    if (firstEnd === -1) {
      if (text.length > 0) pieces.push(text)
      partialLength += text.length
      if (partialLength > maxLineLength) throw lineTooLongError(file, linesSoFar + 1, maxLineLength)
      return []
    }
    pieces.push(text.slice(0, firstEnd))
    const lines = [pieces.join('')]
    const rest = text.slice(firstEnd + 1).split('\n')
    const last = rest.pop()!
    for (const line of rest) lines.push(line)
    pieces = last.length > 0 ? [last] : []
    partialLength = last.length
    if (partialLength > maxLineLength)
      throw lineTooLongError(file, linesSoFar + lines.length + 1, maxLineLength)
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
  if (partialLength > 0) {
    const partial = pieces.join('')
    rest.push(partial.charCodeAt(partial.length - 1) === 13 ? partial.slice(0, -1) : partial)
    pieces = []
    partialLength = 0
  }
  if (rest.length > 0) yield rest
}
