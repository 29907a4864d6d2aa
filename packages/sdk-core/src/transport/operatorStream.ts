import * as z from 'zod/mini'
import { ConnectionError, createEcnyError } from '../errors/EcnyError.js'
import { request, type TransportContext } from './request.js'
import type { RequestStreamParameters, StreamedResponse } from './requestStream.js'

const fileLocation = z.looseObject({ url: z.string().check(z.minLength(1)) })

/**
 * A download under an operator codec (a statement): the operator's signed answer names where the
 * file is (CMB `statementurl`), and the file is then fetched from there as a stream. Such files are
 * not signed by the operator: they are trusted as far as the signed link and TLS go, so `verify` has
 * nothing to check.
 */
export async function operatorStream(
  context: TransportContext,
  parameters: RequestStreamParameters,
): Promise<StreamedResponse> {
  const location = await request(context, {
    method: 'GET',
    path: parameters.path,
    query: parameters.query,
    schema: fileLocation,
    signal: parameters.signal,
    timeoutMs: parameters.timeoutMs,
    maxRetries: parameters.maxRetries,
  })
  let response: Awaited<ReturnType<TransportContext['http']['stream']>>
  try {
    response = await context.http.stream({
      method: 'GET',
      url: location.url,
      headers: {},
      signal: parameters.signal,
    })
  } catch (cause) {
    throw new ConnectionError(
      'connection_error',
      `Could not download ${parameters.path} from the operator.`,
      {
        hint: 'Download it again; statements are safe to fetch any number of times.',
        cause,
      },
    )
  }
  if (response.status < 200 || response.status >= 300)
    throw createEcnyError(
      'invalid_response',
      `The operator's file for ${parameters.path} answered HTTP ${response.status}.`,
      {
        status: response.status,
        hint: 'The link may have expired: download it again.',
      },
    )
  return {
    requestId: undefined,
    contentType: response.header('content-type'),
    body: response.body,
    verify: async () => {},
  }
}
