import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { cmbBasePath } from '@ecny/operator-cmb'
import { randomId } from '@ecny/sdk-core/internal'
import { type CmbDoor, createCmbDoor } from '../cmb/createCmbDoor.js'
import { type CmbTestCredentials, seedCmbMerchant } from '../cmb/seedCmbMerchant.js'
import { type CreateRailsOptions, createRails, type DemoAppCredentials, type Rails } from '../createRails.js'
import { serveDashboard } from '../dashboard/serveDashboard.js'
import type { FaultOptions } from '../faults/faultInjector.js'
import { maxBodyBytes } from '../http/createHttpDoor.js'
import { errorBody } from '../http/errorBody.js'
import type { DurableRecords } from '../state/durableRecords.js'
import { openSandboxStore, type SandboxIdentity } from '../state/sandboxStore.js'
import { RailsError } from '../support/railsError.js'
import { createCorsPolicy } from './corsPolicy.js'
import { maskPathForLog } from './maskPathForLog.js'

export type StartSandboxOptions = {
  /** Interface to listen on. Default `127.0.0.1` (loopback only); give another explicitly to expose it. */
  host?: string
  /** Default 0: any free port (see `url`). */
  port?: number
  seed?: number | string
  faults?: FaultOptions
  /**
   * Keeps the state in this SQLite file (created if missing, loaded if it exists): every request's
   * changes are written in one transaction before it is answered, so a crash (`kill -9`) loses
   * nothing that was answered. Needs the optional dependency `better-sqlite3`. Default: in memory.
   */
  state?: string
  /** @deprecated The same as `state`. */
  stateFile?: string
  /** One line per request (`POST /v1/orders 200 3ms req_…`): `true` (console), `false`, or a function. */
  log?: boolean | ((line: string) => void)
  /** Extra rails options (level caps, campaign hooks…). */
  rails?: Omit<CreateRailsOptions, 'seed' | 'faults' | 'state' | 'clock'>
  /** Real ms between automatic notification delivery rounds. Default 250. */
  notificationIntervalMs?: number
  /**
   * `cmb`: also mount the CMB 聚合收单 door under `/polypay/v1.0/mchorders/` (same rails), with a CMB
   * merchant and fresh credentials in `sandbox.cmb`. Default `reference` only.
   */
  dialect?: 'reference' | 'cmb'
  /**
   * Browser origins allowed to call the sandbox (`['http://localhost:5173']`): preflights answered,
   * signature headers exposed. Other origins get no CORS headers. Default none.
   */
  cors?: readonly string[]
  /**
   * Serve the test-mode controls (`/v1/test/…`: clock, triggers, notifications, faults, ledger).
   * Default `true`; `false` refuses them with 403 `permission_denied`, as a live gateway would.
   */
  testMode?: boolean
}

export type Sandbox = {
  /** e.g. `http://127.0.0.1:8787`. */
  url: string
  rails: Rails
  /** A ready-to-use app credential (acts for the seeded merchant). */
  credentials: DemoAppCredentials
  /** The seeded, approved merchant the credential acts for. */
  merchantId: string
  /** With `dialect: 'cmb'`: the CMB merchant's credentials (for `cmb({ ...sandbox.cmb, environment: sandbox.url })`) and the door. */
  cmb?: CmbTestCredentials & { door: CmbDoor }
  /**
   * With `state`: writes now what was changed in process since the last request (direct
   * `rails.engine` calls, notification deliveries); requests are written before their answer anyway.
   */
  flush(): Promise<void>
  /** Stops the server and notifications, and writes the state file a last time if one was given. */
  close(): Promise<void>
}

/**
 * Starts the rails (campaigns and the merchant domain included) behind a real HTTP server on
 * loopback, with the system clock, automatic notification delivery, and a demo app credential. A drop-after-commit fault destroys the socket.
 *
 * @example
 * const sandbox = await startSandbox({ seed: 7, log: false })
 * const client = createClient({ baseUrl: sandbox.url, credentials: sandbox.credentials })
 * // …
 * await sandbox.close()
 */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1'
  const cors = createCorsPolicy(options.cors ?? [])
  const stateFile = options.state ?? options.stateFile
  const store = stateFile ? await openSandboxStore(stateFile) : undefined
  const rails = createRails({
    ...options.rails,
    ...(options.seed !== undefined && { seed: options.seed }),
    ...(options.faults && { faults: options.faults }),
    ...(options.testMode !== undefined && { testMode: options.testMode }),
    clock: { mode: 'system' },
  })
  const saved = store?.identity
  if (saved) store.restoreRails(rails)
  const merchantId = saved?.merchantId ?? rails.seedMerchant({ legalName: '沙箱演示商户有限公司' }).id
  const credentials: DemoAppCredentials =
    saved?.credentials ?? (await rails.createDemoApp({ appId: 'app_sandbox', merchantIds: [merchantId] }))
  await rails.jwks() // the gateway key exists before the first request, so a saved state keeps it
  // With a state file the CMB door's state, gateway key and merchant are kept too; otherwise fresh.
  const savedDoor = options.dialect === 'cmb' ? store?.cmbDoor() : undefined
  const cmbDoor =
    options.dialect === 'cmb'
      ? createCmbDoor(rails, {
          ...(savedDoor && { state: savedDoor.state }),
          ...(savedDoor?.gatewayKeys && { gatewayKeys: savedDoor.gatewayKeys }),
        })
      : undefined
  const cmbCredentials =
    cmbDoor &&
    (saved?.cmb && cmbDoor.state.registrations.has(saved.cmb.appId)
      ? { ...saved.cmb, gatewayPublicKey: cmbDoor.gatewayPublicKey }
      : seedCmbMerchant(rails, cmbDoor, { legalName: '沙箱招行演示商户有限公司' }))
  const cmb = cmbDoor && cmbCredentials && { ...cmbCredentials, door: cmbDoor }
  const identity: SandboxIdentity = {
    credentials,
    merchantId,
    // Kept when started without the CMB door, so the next `dialect: 'cmb'` start finds it again.
    ...(cmbCredentials ? { cmb: withoutGatewayKey(cmbCredentials) } : saved?.cmb && { cmb: saved.cmb }),
  }
  const durable = store?.attach({
    rails,
    identity,
    ...(cmbDoor && { cmb: { state: cmbDoor.state, gatewayKeys: cmbDoor.gatewayKeys } }),
  })
  durable?.commit()
  const log =
    options.log === false
      ? undefined
      : typeof options.log === 'function'
        ? options.log
        : (line: string) => console.log(line)

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => answerFailure(req, res, error))
  })
  /** Fetch cannot carry these methods, so they are answered here, as the door answers any unknown method. */
  const unsupportedMethods = new Set(['CONNECT', 'TRACE', 'TRACK'])
  /**
   * A request that failed before or outside the rails (client gone mid-body, a target that is not a
   * URL): an HTTP 400 if the socket can still take one, otherwise the socket is closed. Never a
   * rejection that could end the process.
   */
  function answerFailure(req: IncomingMessage, res: ServerResponse, error: unknown) {
    const path = maskPathForLog((req.url ?? '/').split('?')[0]!)
    log?.(`${req.method ?? '?'} ${path} failed (${error instanceof Error ? error.message : String(error)})`)
    if (req.socket.destroyed || res.headersSent || !res.writable) {
      req.socket.destroy()
      return
    }
    plainError(
      res,
      new RailsError(
        'invalid_request',
        'The gateway could not read this HTTP request. Send a well-formed request.',
      ),
    )
  }
  function plainError(res: ServerResponse, error: RailsError) {
    res.writeHead(error.status, { 'content-type': 'application/json; charset=utf-8', connection: 'close' })
    res.end(errorBody(error, randomId('req_')))
  }
  async function serve(req: IncomingMessage, res: ServerResponse) {
    const method = req.method ?? 'GET'
    if (unsupportedMethods.has(method)) {
      plainError(
        res,
        new RailsError('not_found', `${method} is not supported. See /openapi.json for the routes.`, {
          method,
        }),
      )
      return
    }
    if (await serveDashboard(req, res, rails)) return // `/dashboard`: test mode, loopback only
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined
    const preflight = method === 'OPTIONS' ? cors.preflight(req.headers) : null
    if (preflight) {
      res.writeHead(204, preflight)
      res.end()
      return
    }
    const started = performance.now()
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size <= maxBodyBytes + 1) chunks.push(chunk)
    }
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue
      headers.set(name, Array.isArray(value) ? value.join(', ') : value)
    }
    if (size > maxBodyBytes) headers.set('content-length', String(size))
    const body = method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks)
    // The sandbox's own origin, not the Host header: the rails read only the path and query.
    const request = new Request(new URL(req.url ?? '/', url), {
      method,
      headers,
      body,
    })
    const response =
      cmbDoor && new URL(request.url).pathname.startsWith(cmbBasePath)
        ? await cmbDoor.handle(request)
        : await rails.handle(request)
    if (durable && !committed(durable, log, method, request)) {
      req.socket.destroy() // not on disk: not answered
      return
    }
    const path = maskPathForLog((req.url ?? '/').split('?')[0]!)
    const ms = Math.round(performance.now() - started)
    if (response.type === 'error') {
      log?.(`${method} ${path} dropped ${ms}ms (injected: connection lost after commit)`)
      req.socket.destroy()
      return
    }
    const bytes = Buffer.from(await response.arrayBuffer())
    res.writeHead(response.status, {
      ...Object.fromEntries(response.headers),
      ...cors.responseHeaders(origin),
    })
    res.end(bytes)
    log?.(`${method} ${path} ${response.status} ${ms}ms ${response.headers.get('ecny-request-id') ?? '-'}`)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const address = server.address() as AddressInfo
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`
  rails.notifications.startAutomatic(options.notificationIntervalMs)
  cmbDoor?.notifications.startAutomatic(options.notificationIntervalMs ?? 250)
  // Deliveries and in-process changes happen between requests: written on the same beat.
  const saving = durable && setInterval(() => durable.commit(), options.notificationIntervalMs ?? 250)
  saving?.unref()

  let closed = false
  return {
    url,
    rails,
    credentials,
    merchantId,
    ...(cmb && { cmb }),
    async flush() {
      durable?.commit()
    },
    async close() {
      if (closed) return
      closed = true
      rails.notifications.stopAutomatic()
      cmbDoor?.notifications.stopAutomatic()
      await rails.notifications.idle()
      if (saving) clearInterval(saving)
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      durable?.commit()
      store?.close()
    },
  }
}

const withoutGatewayKey = ({ gatewayPublicKey: _, ...rest }: CmbTestCredentials) => rest

/** Writes what the request changed, before it is answered; `false` (logged) when that failed. */
function committed(
  durable: DurableRecords,
  log: ((line: string) => void) | undefined,
  method: string,
  request: Request,
): boolean {
  try {
    durable.commit()
    return true
  } catch (error) {
    const path = maskPathForLog(new URL(request.url).pathname)
    log?.(
      `${method} ${path} not saved (${error instanceof Error ? error.message : String(error)}); no answer sent`,
    )
    return false
  }
}
