import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createClient, createClientToken, type ServerCredentials } from '@ecny/sdk-core'

export type WalletBackendOptions = {
  gatewayUrl: string
  credentials: ServerCredentials
  /** The signed-in user's wallet (a real backend looks it up from the session). */
  walletId: string
  /** Who the wallet page offers to send money to. */
  friendWalletId: string
  port?: number
}

export type WalletBackend = { url: string; close(): Promise<void> }

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

/**
 * A stand-in for a wallet operator's backend, for the wallet page: it knows which wallet the
 * signed-in user holds and mints client tokens scoped to that wallet only. (There is no login in
 * the demo: everyone is the same user.)
 *
 * - `GET  /wallet-api/me`    → `{ walletId, friendWalletId }`
 * - `POST /wallet-api/token` → `{ token, scope, expiresAt }` (a wallet-scoped token, ≤ 15 minutes)
 */
export async function startWalletBackend(options: WalletBackendOptions): Promise<WalletBackend> {
  const server = createClient({ baseUrl: options.gatewayUrl, credentials: options.credentials })
  const http = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]
    if (req.method === 'GET' && path === '/wallet-api/me') {
      sendJson(res, 200, { walletId: options.walletId, friendWalletId: options.friendWalletId })
      return
    }
    if (req.method === 'POST' && path === '/wallet-api/token') {
      // Never a wallet id sent by the browser: the session decides whose wallet this is.
      createClientToken(server, { scope: { type: 'wallet', id: options.walletId }, ttlSeconds: 900 }).then(
        (token) => sendJson(res, 200, token),
        () => sendJson(res, 502, { error: { message: 'could not mint a token' } }),
      )
      return
    }
    sendJson(res, 404, { error: { message: 'not found' } })
  })
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = http.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        http.close(() => resolve())
        http.closeAllConnections()
      }),
  }
}
