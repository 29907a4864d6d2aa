import { headers, signatureTypes } from '@ecny/protocol'
import { decodeErrorResponse } from './decodeErrorResponse.js'
import { readAllCapped } from './http/readAllCapped.js'
import { defaultMaxResponseBytes } from './http/responseTooLarge.js'
import { operatorStream } from './operatorStream.js'
import { prepareCall, type TransportContext } from './request.js'
import type { CallLabels } from './requestHooks.js'
import { type AttemptResult, type ReceivedAttempt, sendWithRetries } from './sendWithRetries.js'
import { verifyGatewaySignature } from './verifyGatewaySignature.js'

export type RequestStreamParameters = CallLabels & {
  path: string
  query?: Record<string, string | number | boolean | null | undefined>
  signal?: AbortSignal
  /** Overrides the client's timeout for the answer's headers (the body may take longer). */
  timeoutMs?: number
  /** Overrides the client's retry count (retries happen only before the body starts). */
  maxRetries?: number
}

export type StreamedResponse = {
  requestId: string | undefined
  contentType: string | undefined
  /** The body as it arrives. Nothing in it is trusted until `verify` resolves. */
  body: AsyncIterable<Uint8Array>
  /** Checks the gateway signature against the digest of the whole body, computed by the reader. */
  verify(bodyDigest: string): Promise<void>
}

/**
 * A signed GET whose (large) body is handed over as a stream instead of being buffered, for
 * statements. It goes through the same attempt loop as every request (timeout until the headers
 * arrive, retries until the body starts, the shared error decoder); freshness is judged when the
 * headers arrive, not after a long download. The caller hashes the body while storing it, then
 * calls `verify(digest)` before parsing a byte of it.
 */
export async function requestStream(
  context: TransportContext,
  parameters: RequestStreamParameters,
): Promise<StreamedResponse> {
  if (context.codec) return operatorStream(context, parameters)
  const call = prepareCall(context, { method: 'GET', ...parameters })
  const decode = async (
    attempt: ReceivedAttempt<AsyncIterable<Uint8Array>>,
  ): Promise<AttemptResult<StreamedResponse>> => {
    const { response, requestId } = attempt
    const verifyWith = (digestOrBody: { bodyDigest: string } | { body: Uint8Array }) =>
      verifyGatewaySignature({
        signature: response.header(headers.signature),
        ...digestOrBody,
        keys: context.keys,
        type: signatureTypes.response,
        expectedRid: requestId,
        expectedRequest: attempt.sent,
        expectedStatus: response.status,
        requestId,
        toleranceSeconds: context.signatureToleranceSeconds,
        nowSeconds: attempt.receivedAtSeconds,
      })
    if (response.status >= 200 && response.status < 300) {
      return {
        ok: true,
        value: {
          requestId,
          contentType: response.header('content-type'),
          body: response.body,
          verify: async (bodyDigest) => {
            await verifyWith({ bodyDigest })
          },
        },
      }
    }
    // An error answer is buffered, unlike a download, up to the usual cap.
    const body = await readAllCapped(
      response.body,
      context.maxResponseBytes ?? defaultMaxResponseBytes,
      `${context.baseUrl}${call.pathWithQuery}`,
    )
    await verifyWith({ body })
    let json: unknown
    try {
      json = JSON.parse(new TextDecoder().decode(body))
    } catch {
      json = undefined
    }
    return { ok: false, error: decodeErrorResponse(response.status, json, requestId) }
  }
  const result = await sendWithRetries(context, call, (request) => context.http.stream(request), decode, {
    streaming: true,
  })
  return result.value
}
