import * as z from 'zod/mini'
import { createEcnyError, EcnyError } from '../errors/EcnyError.js'
import { maskText } from '../log/mask.js'
import { errorEnvelope } from '../protocol/common.js'
import { randomId, utf8 } from './bytes.js'
import { defaultMaxResponseBytes, responseTooLarge } from './http/responseTooLarge.js'
import {
  authHeaders,
  buildPath,
  codeForStatus,
  responseSignatureType,
  type TransportContext,
} from './request.js'
import { verifyGatewaySignature } from './verifyGatewaySignature.js'

export type RequestStreamParameters = {
  path: string
  query?: Record<string, string | number | boolean | null | undefined>
  signal?: AbortSignal
}

export type StreamedResponse = {
  requestId: string | undefined
  contentType: string | undefined
  /** The body as it arrives. Nothing in it is trusted until `verify` resolves. */
  body: AsyncIterable<Uint8Array>
  /** Checks the gateway signature against the digest of the whole body, computed by the reader. */
  verify(bodyDigest: string): Promise<void>
}

/** An error answer's body, read up to `limit` bytes (it is buffered, unlike a download). */
async function readAll(stream: AsyncIterable<Uint8Array>, limit: number, url: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let received = 0
  for await (const chunk of stream) {
    received += chunk.length
    if (received > limit) throw responseTooLarge(limit, url)
    chunks.push(chunk)
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}

/**
 * A signed GET whose (large) body is handed over as a stream instead of being buffered, for
 * statements. The caller hashes the body while storing it, then calls `verify(digest)` before
 * parsing a byte of it.
 */
export async function requestStream(
  context: TransportContext,
  parameters: RequestStreamParameters,
): Promise<StreamedResponse> {
  const pathWithQuery = buildPath(parameters.path, parameters.query)
  const nowSeconds = () => Math.floor(context.now() / 1000)
  const nonce = randomId()
  const headers = {
    'ecny-nonce': nonce,
    ...(await authHeaders(context, { method: 'GET', pathWithQuery, body: utf8(''), issuedAt: nowSeconds() })),
  }
  let response: Awaited<ReturnType<TransportContext['http']['stream']>>
  try {
    response = await context.http.stream({
      method: 'GET',
      url: `${context.baseUrl}${pathWithQuery}`,
      headers,
      signal: parameters.signal,
    })
  } catch (cause) {
    throw new EcnyError('connection_error', `Could not download ${parameters.path}.`, {
      hint: 'Check baseUrl and the network, then try again; downloads are safe to repeat.',
      cause,
    })
  }
  const requestId = response.header('ecny-request-id')
  const verifyWith = (digestOrBody: { bodyDigest: string } | { body: Uint8Array }) =>
    verifyGatewaySignature({
      signature: response.header('ecny-signature'),
      ...digestOrBody,
      keys: context.keys,
      type: responseSignatureType,
      expectedRid: requestId,
      expectedRequest: { htm: 'GET', htu: pathWithQuery, nonce },
      expectedStatus: response.status,
      requestId,
      toleranceSeconds: context.signatureToleranceSeconds,
      nowSeconds: nowSeconds(),
    })
  if (response.status < 200 || response.status >= 300) {
    const body = await readAll(
      response.body,
      context.maxResponseBytes ?? defaultMaxResponseBytes,
      `${context.baseUrl}${pathWithQuery}`,
    )
    await verifyWith({ body })
    let json: unknown
    try {
      json = JSON.parse(new TextDecoder().decode(body))
    } catch {
      json = undefined
    }
    const parsed = z.safeParse(errorEnvelope, json)
    const error = parsed.success ? parsed.data.error : undefined
    throw createEcnyError(
      error?.code ?? codeForStatus(response.status),
      // Masked as in `request`: personal data never reaches an error message.
      maskText(error?.message ?? `The gateway answered HTTP ${response.status}.`),
      { requestId, status: response.status, details: error?.details },
    )
  }
  return {
    requestId,
    contentType: response.header('content-type'),
    body: response.body,
    verify: async (bodyDigest) => {
      await verifyWith({ bodyDigest })
    },
  }
}
