import { type AppHandoff, operatorAppHandoff as operatorAppHandoffSchema } from '@ecny/protocol/app-pay'
import { type CallOptions, createEcnyError, type Order } from '@ecny/sdk-core'
import { z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { createOrder } from './createOrder.js'

/** An unpaid order at an operator: CMB's query says P (`processing`) until the wallet pays. */
const unpaid = (status: string) => status === 'created' || status === 'processing'

/**
 * The hand-off on an operator that seals it itself (CMB §4.17: `ecny/unifiedOrder` with
 * `transactionType` TT03/TT04/TT13 answers the wallet app's `context`): the order's own
 * `appHandoff` when it carries one (as `orders.create` returned it), else the app order is initiated
 * again under its merchant order number — the operator's way to issue a payment again for the same
 * order (CMB §2.3 item 6) — and the fresh answer's. `merchantAppId` and `acqAgtInstnId` are added
 * from the call; the institution is the operator's (a different `creditorInstitutionId` is refused).
 */
export async function operatorAppHandoff(
  client: MerchantBaseClient,
  order: Order,
  params: {
    merchantAppId: string
    acqAgtInstnId?: string | undefined
    creditorInstitutionId?: string | undefined
  },
  options: Pick<CallOptions, 'signal' | 'timeoutMs'>,
): Promise<AppHandoff> {
  if (!unpaid(order.status)) {
    throw createEcnyError(
      'order_not_payable',
      `Order ${order.id} is ${order.status}: there is nothing left to pay.`,
      {
        hint: 'Read the order; create a new one to take another payment.',
        details: { orderId: order.id, status: order.status },
      },
    )
  }
  let sealed = z.safeParse(operatorAppHandoffSchema, (order as { appHandoff?: unknown }).appHandoff)
  if (!sealed.success) {
    if (!order.description) {
      throw createEcnyError(
        'invalid_request',
        `The operator did not say what order ${order.id} is for, so it cannot be initiated again.`,
        {
          hint: 'Pass the order as orders.create returned it: createAppHandoff({ order, merchantAppId }).',
          details: { orderId: order.id },
        },
      )
    }
    const remaining = Math.ceil((Date.parse(order.expiresAt) - Date.now()) / 1000)
    const again = await createOrder(
      client,
      {
        mode: 'app',
        merchantOrderNo: order.merchantOrderNo,
        amount: order.amount,
        description: order.description,
        ...(remaining > 0 && { expiresInSeconds: Math.min(remaining, 7 * 86_400) }),
      },
      options,
    )
    sealed = z.safeParse(operatorAppHandoffSchema, (again as { appHandoff?: unknown }).appHandoff)
    if (!sealed.success) {
      throw createEcnyError(
        'invalid_response',
        `The operator answered app order ${order.id} with no hand-off.`,
        {
          hint: 'Query the order; report it to the operator with the merchant order number.',
          details: { orderId: order.id },
        },
      )
    }
  }
  const handoff = sealed.data
  if (
    params.creditorInstitutionId !== undefined &&
    params.creditorInstitutionId !== handoff.creditorInstitutionId
  ) {
    throw createEcnyError(
      'invalid_request',
      `Invalid request: creditorInstitutionId: the operator sealed this hand-off for ${handoff.creditorInstitutionId}.`,
      {
        hint: 'Leave creditorInstitutionId out: the operator names the institution operating your receiving wallet.',
        details: { issues: [{ path: 'creditorInstitutionId', message: 'differs from the operator’s' }] },
      },
    )
  }
  const acqAgtInstnId = params.acqAgtInstnId ?? handoff.acqAgtInstnId
  return {
    merchantAppId: params.merchantAppId,
    merchantNo: handoff.merchantNo,
    ...(acqAgtInstnId !== undefined && { acqAgtInstnId }),
    creditorInstitutionId: handoff.creditorInstitutionId,
    encryptedKey: handoff.encryptedKey,
    encryptedInfo: handoff.encryptedInfo,
    encryptionSN: handoff.encryptionSN,
    ...(handoff.invokeUrl !== undefined && { invokeUrl: handoff.invokeUrl }),
  }
}
