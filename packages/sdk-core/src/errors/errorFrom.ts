import { createEcnyError, type EcnyError, type EcnyErrorOptions } from './EcnyError.js'
import { codeOf, type ErrorMessage, type MessageParams } from './errorMessage.js'
import { englishOf, rememberText, sourceOf } from './errorText.js'

/**
 * The error for one of the catalogue's messages (`messagesEn.ts`): written in English here, and in
 * the client's locale once it leaves a zh-CN client, placeholders filled the same way in both.
 *
 * @example
 * throw errorFrom(timedOut, { path: '/v1/orders', timeoutMs: 30_000 }, { cause })
 */
export function errorFrom<M extends ErrorMessage>(
  message: M,
  params: MessageParams<M>,
  options: Omit<EcnyErrorOptions, 'hint'> = {},
): EcnyError {
  const text = { message: sourceOf(message, 'message', params), hint: sourceOf(message, 'hint', params) }
  const error = createEcnyError(codeOf(message), englishOf(text.message) ?? message.id, {
    ...options,
    hint: englishOf(text.hint),
  })
  rememberText(error, text)
  return error
}
