import { InvalidRequestError } from '@ecny/sdk-core'
import { parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../client/MerchantBaseClient.js'
import { gatewayId } from './inputs.js'

const merchantIdSchema = z.object({ merchantId: gatewayId('merchantId') })

/**
 * The merchant a call acts for: the one named in the call, else the client's default, else
 * `undefined` (the gateway then uses the app's only merchant). With `required`, a missing id is an
 * `invalid_request` before anything is sent.
 */
export function merchantIdFor(client: MerchantBaseClient, named: string | undefined, required: true): string
export function merchantIdFor(
  client: MerchantBaseClient,
  named: string | undefined,
  required?: false,
): string | undefined
export function merchantIdFor(client: MerchantBaseClient, named: string | undefined, required = false) {
  const id = named ?? client.merchantId
  if (id === undefined) {
    if (!required) return undefined
    throw new InvalidRequestError('invalid_request', 'Invalid request: merchantId: required.', {
      hint: 'Pass merchantId in the call, or createMerchantClient({ merchantId }) once; nothing was sent.',
      details: { issues: [{ path: 'merchantId', message: 'required' }] },
    })
  }
  return parseInput(merchantIdSchema, { merchantId: id }).merchantId
}
