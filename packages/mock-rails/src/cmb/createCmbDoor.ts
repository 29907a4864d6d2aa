import {
  cmbApiSign,
  cmbBasePath,
  cmbSignString,
  MalformedEnvelopeError,
  parseBizContent,
  readReceivedFields,
} from '@ecny/operator-cmb'
import type { Rails } from '../createRails.js'
import { createFaultInjector, faultRetryAfterSeconds } from '../faults/faultInjector.js'
import { RailsError } from '../support/railsError.js'
import { CmbRefusal, cmbFailure, cmbResponse, cmbSuccess } from './cmbAnswer.js'
import { openCmbAppContext } from './cmbAppContext.js'
import { type CmbDoorState, createCmbDoorState } from './cmbDoorState.js'
import { type CmbDoorSettings, handleCmbEndpoint } from './cmbEndpointHandlers.js'
import { cmbErrorOf } from './cmbErrorOf.js'
import { type CmbGatewayKeys, generateCmbGatewayKeys } from './cmbGatewayKeys.js'
import { type CmbMerchantRegistration, createCmbMerchants } from './cmbMerchants.js'
import { createCmbOutbox } from './cmbOutbox.js'
import { settleContracts } from './settleContracts.js'

export type CreateCmbDoorOptions = {
  /** Default: a fresh pair made now. */
  gatewayKeys?: CmbGatewayKeys
  settings?: CmbDoorSettings
  /** Seeds the door's fault draws (the settings are the rails' own, `rails.faults`). Default 0. */
  seed?: number
  notifications?: { fetch?: typeof fetch; timeoutMs?: number }
  /** Start from this state (the durable sandbox's, loaded from its file); its merchants are registered again. */
  state?: CmbDoorState
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const statementFilePath = `${cmbBasePath}statementfile`

/**
 * The CMB 聚合收单 door over the rails: a Fetch `Request` in, a CMB answer out, over the **same**
 * engine, ledger and clock as the reference door (so a payment made through the wallet side shows up
 * here). It checks `apisign` (MD5 header) and the SM2 request signature with the merchant's key,
 * decrypts SM4 terminal info, answers in CMB's envelope signed with the gateway key with slashes
 * escaped (`\/`), maps states to `tradeState` P/S/F/C/D, applies CMB's rules (reversal only for
 * `pay` orders and never after a refund, no closing a paid order, `termId` ≤ 8), injects the rails'
 * faults (`rails.faults`, route keys like `POST /polypay/v1.0/mchorders/pay`), answers app orders
 * (`ecny/unifiedOrder` TT03/TT04/TT13) with the wallet app's SM2/SM4-sealed `context`, and sends form-encoded
 * notifications that stop only on a signed ack (`notifications.deliverDue()`).
 *
 * @example
 * const rails = createRails({ seed: 1 })
 * const door = createCmbDoor(rails)
 * const merchant = rails.seedMerchant()
 * door.registerMerchant({ appId, secret, merId: '308999170120AAA', merchantId: merchant.id, publicKey })
 * const response = await door.handle(request) // msw or the sandbox mounts this
 */
export function createCmbDoor(rails: Rails, options: CreateCmbDoorOptions = {}) {
  const keys = options.gatewayKeys ?? generateCmbGatewayKeys()
  const state = options.state ?? createCmbDoorState()
  const merchants = createCmbMerchants()
  for (const registration of state.registrations.values()) merchants.register(registration)
  const settings: CmbDoorSettings = { ...options.settings }
  const notifications = createCmbOutbox({
    rails,
    state,
    keys,
    merchants,
    beforeDelivery: () => settleContracts(rails, state, (merId) => merchants.byMerId(merId)?.merchantId),
    ...options.notifications,
  })
  const context = { rails, state, keys, settings }
  // Its own seeded draws, with whatever faults the rails are set to at the time.
  const faults = createFaultInjector((options.seed ?? 0) ^ 0x2545f491)

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url)
    rails.engine.expireDueOrders()
    if (request.method === 'GET' && url.pathname === statementFilePath) return statementFile(url)
    if (!url.pathname.startsWith(cmbBasePath))
      return new Response(`No CMB endpoint ${url.pathname}.`, { status: 404 })
    const endpoint = url.pathname.slice(cmbBasePath.length)
    if (request.method !== 'POST')
      return new Response('CMB endpoints take POST.', { status: 405, headers: { allow: 'POST' } })
    const text = await request.text()
    try {
      const merchant = merchants.byAppId(request.headers.get('appid') ?? '')
      if (!merchant) throw new CmbRefusal('APPID_ERROR', 'Unknown appid header.', 'protocol')
      let fields: Record<string, string>
      try {
        fields = readReceivedFields(text)
      } catch (error) {
        if (error instanceof MalformedEnvelopeError)
          throw new CmbRefusal('PARAM_ERROR', `The body is not a CMB envelope: ${error.message}.`, 'protocol')
        throw error
      }
      const sign = (fields.sign ?? '').replaceAll('\\/', '/')
      const timestamp = request.headers.get('timestamp') ?? ''
      const apisign = cmbApiSign({ appId: merchant.appId, secret: merchant.secret, sign, timestamp })
      if (!/^\d{10}$/.test(timestamp) || request.headers.get('apisign') !== apisign)
        throw new CmbRefusal(
          'APISIGN_ERROR',
          'apisign does not match (MD5 of appid, secret, sign, timestamp).',
          'protocol',
        )
      if (!sign || !merchant.verify(cmbSignString(fields), sign))
        throw new CmbRefusal(
          'SIGN_ERROR',
          'The SM2 signature does not verify with the merchant key.',
          'protocol',
        )
      let biz: Record<string, unknown>
      try {
        biz = parseBizContent(fields.biz_content)
      } catch {
        throw new CmbRefusal('PARAM_ERROR', 'biz_content is not a JSON object.', 'protocol')
      }
      if (biz.merId !== merchant.merId)
        throw new CmbRefusal('MER_NOT_EXIST', 'merId does not belong to this appid.')

      const number = String(biz.orderId ?? biz.origOrderId ?? biz.billDate ?? '')
      faults.set(rails.faults.get())
      const fault = faults.decide(`POST ${url.pathname}`, `${merchant.appId} ${endpoint} ${number}`)
      if (fault.reject === 429)
        return new Response('Too many requests.', {
          status: 429,
          headers: { 'retry-after': String(faultRetryAfterSeconds) },
        })
      if (fault.reject === 503)
        return new Response('Service unavailable; nothing was applied.', { status: 503 })
      if (fault.latencyMs > 0) await sleep(fault.latencyMs)

      let answer: string
      if (endpoint === 'statementurl') answer = cmbSuccess(statementLink(url, merchant.merchantId, biz), keys)
      else answer = cmbSuccess(handleCmbEndpoint(context, merchant, endpoint, biz, fields.encryptKey), keys)
      if (fault.dropAfterCommit) return Response.error()
      return cmbResponse(answer)
    } catch (error) {
      if (error instanceof CmbRefusal) return cmbResponse(cmbFailure(error, keys))
      if (error instanceof RailsError) {
        const errCode = cmbErrorOf(error)
        const level = errCode === 'SYSTERM_ERROR' ? 'protocol' : 'business'
        return cmbResponse(cmbFailure(new CmbRefusal(errCode, error.message, level), keys))
      }
      return cmbResponse(
        cmbFailure(new CmbRefusal('SYSTERM_ERROR', 'Internal error; query the outcome.', 'protocol'), keys),
      )
    }
  }

  function statementLink(url: URL, merchantId: string, biz: Record<string, unknown>) {
    const billDate = String(biz.billDate ?? '')
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(billDate)
    if (!m) throw new CmbRefusal('PARAM_ERROR', 'billDate must be yyyyMMdd.')
    const token = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join('')
    state.statementLinks.set(token, { merchantId, date: `${m[1]}-${m[2]}-${m[3]}` })
    return { merId: biz.merId, billDate, fileUrl: `${url.origin}${statementFilePath}?token=${token}` }
  }

  function statementFile(url: URL): Response {
    const link = state.statementLinks.get(url.searchParams.get('token') ?? '')
    if (!link) return new Response('Unknown or expired statement link.', { status: 404 })
    const csv = rails.merchantDomain.statement(link.merchantId, link.date)
    return new Response(csv, { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8' } })
  }

  return {
    handle,
    /** The gateway's public key (base64 SPKI): what a merchant configures as `gatewayPublicKey`. */
    gatewayPublicKey: keys.publicKey,
    registerMerchant: (registration: CmbMerchantRegistration) => {
      state.registrations.set(registration.appId, { ...registration })
      merchants.register(registration)
    },
    /** What the door remembers (orders, refunds, links, notifications, merchants): plain maps the durable sandbox saves. */
    state,
    /** The gateway's key pair (the durable sandbox saves it, so merchants keep their `gatewayPublicKey`). */
    gatewayKeys: keys,
    settings,
    notifications,
    /**
     * Reads an app order's context as the wallet app would (SM2-unwrap `encryptKey` with the key
     * `ncrptnSN` names, SM4-decrypt `encryptInfo`); `undefined` when it does not open.
     */
    openAppContext: (context: { encryptKey: string; encryptInfo: string; ncrptnSN: string }) =>
      openCmbAppContext(state, context),
    /** Pays out the profit split of contract orders whose delayed clearing is due (also run by `notifications.deliverDue()`). */
    settleContracts: () => settleContracts(rails, state, (merId) => merchants.byMerId(merId)?.merchantId),
  }
}

export type CmbDoor = ReturnType<typeof createCmbDoor>
