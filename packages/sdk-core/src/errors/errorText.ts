import type { EcnyError } from './EcnyError.js'
import { type ErrorMessage, fillPlaceholders, type MessageParams, type ParamValue } from './errorMessage.js'

/** Where one part (message or hint) of an error's text came from, so another locale can write it again. */
export type TextSource =
  | { kind: 'catalogue'; id: string; english: string; params: Record<string, ParamValue> }
  /** Written in English at the place that threw it, or passed on from the gateway. */
  | { kind: 'literal'; text: string | undefined }

export type ErrorText = { message: TextSource; hint: TextSource }

const texts = new WeakMap<EcnyError, ErrorText>()

/** What an error's message and hint were made from (for an error built from plain strings: those strings). */
export function textOf(error: EcnyError): ErrorText {
  let text = texts.get(error)
  if (!text) {
    text = {
      message: { kind: 'literal', text: error.shortMessage },
      hint: { kind: 'literal', text: error.hint },
    }
    texts.set(error, text)
  }
  return text
}

export function rememberText(error: EcnyError, text: ErrorText): void {
  texts.set(error, text)
}

/** One part of a catalogue message as a source, or a literal `undefined` when the message has no such part. */
export function sourceOf<M extends ErrorMessage>(
  message: M,
  part: 'message' | 'hint',
  params: MessageParams<M>,
): TextSource {
  const english = message[part]
  return english === undefined
    ? { kind: 'literal', text: undefined }
    : { kind: 'catalogue', id: message.id, english, params }
}

/** The English text of a source. */
export function englishOf(source: TextSource): string | undefined {
  return source.kind === 'literal' ? source.text : fillPlaceholders(source.english, source.params, 'en')
}
