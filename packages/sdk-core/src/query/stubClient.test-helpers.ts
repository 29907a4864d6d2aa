import { vi } from 'vitest'
import type { EcnyBaseClient } from '../client/createBaseClient.js'

/** A client whose `request` records each call and answers from `reply` (no network, no schemas). */
export function stubClient(
  reply: (parameters: { method: string; path: string; body?: unknown }) => unknown = () => ({}),
) {
  const request = vi.fn(
    async (parameters: { method: string; path: string; body?: unknown; signal?: AbortSignal }) =>
      reply(parameters),
  )
  const client = {
    baseUrl: 'https://gateway.test',
    authKind: 'token',
    request,
    requestStream: vi.fn(),
    verifyGatewaySignature: vi.fn(),
  } as unknown as EcnyBaseClient
  return { client, request }
}
