import type { AxiosResponse } from 'axios'
import * as z from 'zod/mini'
import { createEcnyError, EcnyError } from '../errors/EcnyError.js'
import { errorEnvelope } from '../protocol/common.js'
import { utf8 } from './bytes.js'
import { buildPath, responseSignatureType, type TransportContext } from './request.js'
import { signRequest } from './signRequest.js'
import { verifyGatewaySignature } from './verifyGatewaySignature.js'

export type RequestStreamParameters = {
  path: string
  query?: Record<string, string | number | boolean | null | undefined>
  signal?: AbortSignal
  timeoutMs?: number
}

export type StreamedResponse = {
  requestId: string | undefined
  contentType: string | undefined
  /** The body as it arrives. Nothing in it is trusted until `verify` resolves. */
  body: AsyncIterable<Uint8Array>
  /** Checks the gateway signature against the digest of the whole body, computed by the reader. */
  verify(bodyDigest: string): Promise<void>
}

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  for await (const chunk of stream) chunks.push(chunk)
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
 * parsing a byte of it. Node only (axios' stream response type).
 */
export async function requestStream(
  context: TransportContext,
  parameters: RequestStreamParameters,
): Promise<StreamedResponse> {
  const pathWithQuery = buildPath(parameters.path, parameters.query)
  const headers: Record<string, string> = {}
  if (context.auth.kind === 'signature') {
    headers['ecny-signature'] = await signRequest(await context.auth.signer(), {
      appId: context.auth.appId,
      method: 'GET',
      pathWithQuery,
      body: utf8(''),
      issuedAt: Math.floor(context.now() / 1000),
    })
  } else {
    headers.authorization = `Bearer ${await context.auth.token()}`
  }
  let response: AxiosResponse<AsyncIterable<Uint8Array>>
  try {
    response = await context.http.request({
      method: 'GET',
      url: `${context.baseUrl}${pathWithQuery}`,
      headers,
      responseType: 'stream',
      signal: parameters.signal,
      timeout: parameters.timeoutMs ?? context.timeoutMs,
      validateStatus: () => true,
      maxRedirects: 0,
    })
  } catch (cause) {
    throw new EcnyError('connection_error', `Could not download ${parameters.path}.`, {
      hint: 'Check baseUrl and the network, then try again; downloads are safe to repeat.',
      cause,
    })
  }
  const requestId =
    typeof response.headers['ecny-request-id'] === 'string' ? response.headers['ecny-request-id'] : undefined
  const signature =
    typeof response.headers['ecny-signature'] === 'string' ? response.headers['ecny-signature'] : undefined
  const verify = async (bodyDigest: string) => {
    await verifyGatewaySignature({
      signature,
      bodyDigest,
      keys: context.keys,
      type: responseSignatureType,
      expectedRid: requestId,
      requestId,
      toleranceSeconds: context.signatureToleranceSeconds,
      nowSeconds: Math.floor(context.now() / 1000),
    })
  }
  if (response.status < 200 || response.status >= 300) {
    const body = await readAll(response.data)
    await verifyGatewaySignature({
      signature,
      body,
      keys: context.keys,
      type: responseSignatureType,
      expectedRid: requestId,
      requestId,
      toleranceSeconds: context.signatureToleranceSeconds,
      nowSeconds: Math.floor(context.now() / 1000),
    })
    const parsed = z.safeParse(errorEnvelope, JSON.parse(new TextDecoder().decode(body)))
    const error = parsed.success ? parsed.data.error : undefined
    throw createEcnyError(
      error?.code ?? 'gateway_error',
      error?.message ?? `The gateway answered HTTP ${response.status}.`,
      {
        requestId,
        status: response.status,
        details: error?.details,
      },
    )
  }
  const contentType =
    typeof response.headers['content-type'] === 'string' ? response.headers['content-type'] : undefined
  return { requestId, contentType, body: response.data, verify }
}
