import { type CmbOperator, cmb, type ReferenceCall } from '@ecny/operator-cmb'
import { createCmbDoor } from '../../src/cmb/createCmbDoor.js'
import { seedCmbMerchant } from '../../src/cmb/seedCmbMerchant.js'
import { createRails } from '../../src/createRails.js'
import { card } from '../helpers/fixtures.js'

export const baseUrl = 'http://127.0.0.1:8787'

/**
 * Rails with a CMB door, a CMB merchant, a funded wallet, and the SDK's CMB codec talking to the door
 * in process: `call()` encodes like the SDK, sends through `door.handle`, decodes like the SDK.
 */
export function cmbHarness(options: { notifyFetch?: typeof fetch } = {}) {
  const rails = createRails({ seed: 7, clock: { start: '2025-03-10T02:00:00Z' } })
  const door = createCmbDoor(rails, { notifications: { fetch: options.notifyFetch } })
  const credentials = seedCmbMerchant(rails, door)
  const operator: CmbOperator = cmb({ ...credentials, environment: baseUrl })
  const wallet = rails.engine.openWallet({ level: 'WL04', mobile: '13800138000' })
  rails.engine.topUp(wallet.id, { amount: 100_000, bankCard: card })

  async function send(call: ReferenceCall) {
    const request = operator.codec.encode(call, rails.clock.now())
    const response = await door.handle(new Request(request.url, request))
    if (response.type === 'error') return { dropped: true as const }
    const text = await response.text()
    return { dropped: false as const, status: response.status, text }
  }

  async function call(call: ReferenceCall) {
    const sent = await send(call)
    if (sent.dropped) throw new Error('answer dropped')
    return operator.codec.decode(call, { status: sent.status, body: sent.text }, rails.clock.now())
  }

  async function ok<T = Record<string, unknown>>(reference: ReferenceCall): Promise<T> {
    const decoded = await call(reference)
    if (!decoded.ok) throw decoded.error
    return decoded.data as T
  }

  return { rails, door, credentials, operator, wallet, send, call, ok }
}
