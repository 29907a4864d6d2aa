import { createQrCodeRequest } from '@ecny/protocol'
import type * as z from 'zod/mini'
import { nextId } from '../engine/engineContext.js'
import { parseParams } from '../support/parseParams.js'
import type { MerchantContext } from './merchantContext.js'
import { approvedMerchant, sceneRecord } from './merchantLookups.js'
import type { QrCodeRecord } from './merchantState.js'
import { qrToWire } from './merchantWire.js'

/** `POST /v1/scenes/{id}/qr-codes`: static (printed) or dynamic (one `qr` order). */
export function createQrCode(
  mc: MerchantContext,
  sceneId: string,
  input: z.input<typeof createQrCodeRequest>,
) {
  const scene = sceneRecord(mc, sceneId)
  approvedMerchant(mc, scene.merchantId)
  const params = parseParams(createQrCodeRequest, input)
  const id = nextId(mc.ctx, 'qr')
  let record: QrCodeRecord
  if (params.kind === 'static') {
    record = {
      id,
      sceneId,
      kind: 'static',
      payload: `ecny://pay?m=${scene.merchantId}&s=${sceneId}&q=${id}`,
      amount: null,
      orderId: null,
      createdAt: mc.now(),
    }
  } else {
    const order = mc.engine.createOrder({
      merchantId: scene.merchantId,
      merchantOrderNo: params.merchantOrderNo ?? `QR-${id}`,
      amount: params.amount,
      description: params.description,
      mode: 'qr',
      sceneId,
      ...(params.expiresInSeconds !== undefined && { expiresInSeconds: params.expiresInSeconds }),
    })
    record = {
      id,
      sceneId,
      kind: 'dynamic',
      payload: order.qrPayload!,
      amount: params.amount,
      orderId: order.id,
      createdAt: mc.now(),
    }
  }
  mc.store.qrCodes.set(id, record)
  return qrToWire(record)
}
