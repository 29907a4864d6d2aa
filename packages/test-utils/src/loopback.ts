import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * Starts `server` on a free port of 127.0.0.1 and resolves with its base URL.
 *
 * @example
 * const url = await listen(createServer(handler)) // 'http://127.0.0.1:54321'
 */
export function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))
  })
}

/**
 * Closes `server`, dropping idle keep-alive connections so the close does not wait for them.
 *
 * @example
 * await closeServer(server)
 */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}
