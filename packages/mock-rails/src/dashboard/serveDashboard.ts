import type { IncomingMessage, ServerResponse } from 'node:http'
import { randomId } from '@ecny/sdk-core/internal'
import type { Rails } from '../createRails.js'
import { errorBody } from '../http/errorBody.js'
import { notFound, RailsError } from '../support/railsError.js'
import { requireTestMode } from '../testControls/requireTestMode.js'
import { readDashboardState } from './readDashboardState.js'
import { renderDashboardPage } from './renderDashboardPage.js'

const loopbackAddresses = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])
const loopbackHost = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/
const resendPath = /^\/dashboard\/api\/notifications\/([\w-]{1,100})\/resend$/

/** Whether a request path is the dashboard's (`/dashboard`, `/dashboard/…`). */
export const isDashboardPath = (path: string) => path === '/dashboard' || path.startsWith('/dashboard/')

/**
 * Serves the sandbox dashboard: `GET /dashboard` (the page), `GET /dashboard/api/state` (JSON read
 * from the rails in process) and `POST /dashboard/api/notifications/{id}/resend`. Test mode only,
 * and only to this machine: refused with 403 `permission_denied` when the rails are not in test
 * mode, when the caller is not on loopback, when the Host is not a loopback name (DNS rebinding)
 * or when a POST comes from another origin. Returns `false` for paths that are not the dashboard's.
 *
 * @example
 * if (await serveDashboard(req, res, rails)) return
 */
export async function serveDashboard(
  req: IncomingMessage,
  res: ServerResponse,
  rails: Rails,
): Promise<boolean> {
  const path = (req.url ?? '/').split('?')[0]!
  if (!isDashboardPath(path)) return false
  req.resume() // no body is read
  try {
    requireTestMode(rails.testControls.enabled, 'The dashboard')
    refuseUnlessLocal(req)
    const method = req.method ?? 'GET'
    if (method === 'GET' && (path === '/dashboard' || path === '/dashboard/')) {
      const nonce = randomId('n')
      answer(res, 200, 'text/html; charset=utf-8', renderDashboardPage(nonce), {
        'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      })
    } else if (method === 'GET' && path === '/dashboard/api/state') {
      answer(res, 200, 'application/json; charset=utf-8', JSON.stringify(readDashboardState(rails)))
    } else if (method === 'POST' && resendPath.test(path)) {
      const id = resendPath.exec(path)![1]!
      const notification = await rails.testControls.resendNotification(id)
      answer(res, 200, 'application/json; charset=utf-8', JSON.stringify(notification))
    } else {
      throw notFound('dashboard page', path)
    }
  } catch (error) {
    const failure =
      error instanceof RailsError
        ? error
        : new RailsError('gateway_error', 'The dashboard failed to read the rails. See the sandbox log.')
    answer(res, failure.status, 'application/json; charset=utf-8', errorBody(failure, randomId('req_')))
  }
  return true
}

function refuseUnlessLocal(req: IncomingMessage): void {
  const host = req.headers.host ?? ''
  const origin = req.headers.origin
  const sameOrigin = origin === undefined || origin === `http://${host}`
  if (loopbackAddresses.has(req.socket.remoteAddress ?? '') && loopbackHost.test(host) && sameOrigin) return
  throw new RailsError(
    'permission_denied',
    'The dashboard is served only to this machine: open it at http://127.0.0.1:<port>/dashboard from the machine the sandbox runs on.',
    { dashboard: true },
  )
}

function answer(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': contentType,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...headers,
  })
  res.end(body)
}
