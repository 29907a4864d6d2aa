import type { NotificationEvent } from '@ecny/protocol'
import type { Sm2Verifier } from '../createSm2Verifier.js'
import { formatCmbTime } from './cmbTime.js'
import { readFormFields } from './formFields.js'
import { orderFromCmb, refundFromCmb } from './fromCmb.js'
import { parseBizContent } from './receivedFields.js'
import { assertCmbSignature } from './verifyReceived.js'

/**
 * A verified CMB notification as a reference `NotificationEvent` (`order.succeeded`, `order.failed`,
 * `order.closed`, `refund.succeeded`, `refund.failed`), plus CMB's fields. `id` is stable per order
 * (or refund) and state, so a replay store drops CMB's repeats.
 */
export type CmbNotification = { event: NotificationEvent; fields: Record<string, string> }

/**
 * Verifies and reads a CMB notification (§2.4.1.2 ②, §4.3, §4.6): the form body is URL-decoded,
 * its fields sorted and the signature checked with CMB's key **before** any field is interpreted.
 * Throws `signature_invalid` for anything that does not verify.
 *
 * @example
 * const { event } = parseCmbNotification(await request.text(), verifyCmb)
 * if (event.type === 'order.succeeded') ship(event.data.merchantOrderNo)
 */
export function parseCmbNotification(
  body: string | Uint8Array,
  verify: Sm2Verifier,
  now: number = Date.now(),
): CmbNotification {
  const text = typeof body === 'string' ? body : new TextDecoder().decode(body)
  const fields = assertCmbSignature(() => readFormFields(text), verify, 'the notification')
  // The result fields come as form fields of their own (or, from some gateways, inside biz_content).
  const { sign: _sign, version: _v, encoding: _e, signMethod: _m, biz_content: bizText, ...flat } = fields
  const biz = bizText === undefined ? flat : parseBizContent(bizText)
  const nowIso = `${formatCmbTime(now, 'iso')}+08:00`
  const isRefund = biz.origOrderId !== undefined && biz.refundAmt !== undefined
  if (isRefund) {
    const refund = refundFromCmb(biz, nowIso)
    const type = refund.status === 'failed' ? 'refund.failed' : 'refund.succeeded'
    return {
      fields,
      event: {
        id: `cmb:refund:${refund.merchantRefundNo}:${refund.status}`,
        type,
        createdAt: nowIso,
        data: refund,
      },
    }
  }
  // A payment result notification (§4.3) is sent when the payment succeeded; it may carry no tradeState.
  const order = orderFromCmb({ tradeState: 'S', ...biz }, {}, nowIso)
  const type =
    order.status === 'failed'
      ? 'order.failed'
      : order.status === 'closed'
        ? 'order.closed'
        : 'order.succeeded'
  return {
    fields,
    event: { id: `cmb:order:${order.merchantOrderNo}:${order.status}`, type, createdAt: nowIso, data: order },
  }
}
