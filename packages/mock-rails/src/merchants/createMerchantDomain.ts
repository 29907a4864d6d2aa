/**
 * The merchant domain of the rails, assembled from its use cases: applications and their review,
 * documents, scenes, terminals, QR codes (merchants/), government bills (gov/), transit tap batches
 * (transit/) and daily statements (statements/). Orders, refunds and money movement stay in the
 * engine; the use cases call the engine like any client would, so a bill paid by QR or a transit tap
 * debited later is an ordinary order with ordinary notifications.
 */
import type { Engine } from '../engine/createEngine.js'
import type { CoreContext } from '../engine/engineContext.js'
import { merchantToWire } from '../engine/toWire.js'
import { billRecord, wireBill } from '../gov/billRecord.js'
import { createGovBill } from '../gov/createGovBill.js'
import { createGovPaymentDomain } from '../gov/createGovPaymentDomain.js'
import { payGovBillByQr } from '../gov/payGovBillByQr.js'
import { merchantStatement } from '../statements/merchantStatement.js'
import { createTransitDomain } from '../transit/createTransitDomain.js'
import { uploadTapBatch } from '../transit/uploadTapBatch.js'
import { createApplication } from './createApplication.js'
import { createQrCode } from './createQrCode.js'
import { createScene } from './createScene.js'
import { createTerminal } from './createTerminal.js'
import { createMerchantContext } from './merchantContext.js'
import { merchantRecord, sceneRecord } from './merchantLookups.js'
import { submitApplication } from './submitApplication.js'
import { updateApplication } from './updateApplication.js'
import { uploadDocument } from './uploadDocument.js'

type Input<F> = F extends (mc: never, ...rest: infer R) => unknown ? R : never

/** Builds the merchant domain over the rails core and the payment engine; `createRails` does this. */
export function createMerchantDomain(ctx: CoreContext, engine: Engine) {
  const mc = createMerchantContext(ctx, engine)
  return {
    createApplication: (...args: Input<typeof createApplication>) => createApplication(mc, ...args),
    updateApplication: (...args: Input<typeof updateApplication>) => updateApplication(mc, ...args),
    uploadDocument: (...args: Input<typeof uploadDocument>) => uploadDocument(mc, ...args),
    submitApplication: (merchantId: string) => submitApplication(mc, merchantId),
    getMerchant: (merchantId: string) => merchantToWire(merchantRecord(mc, merchantId)),
    createScene: (...args: Input<typeof createScene>) => createScene(mc, ...args),
    /** The merchant a scene belongs to (for access checks). */
    sceneMerchant: (sceneId: string): string => sceneRecord(mc, sceneId).merchantId,
    createTerminal: (...args: Input<typeof createTerminal>) => createTerminal(mc, ...args),
    createQrCode: (...args: Input<typeof createQrCode>) => createQrCode(mc, ...args),
    createGovBill: (...args: Input<typeof createGovBill>) => createGovBill(mc, ...args),
    /** The merchant a bill belongs to (for access checks). */
    billMerchant: (billId: string): string => billRecord(mc, billId).merchantId,
    getGovBill: (billId: string) => wireBill(mc, billRecord(mc, billId)),
    payGovBillByQr: (...args: Input<typeof payGovBillByQr>) => payGovBillByQr(mc, ...args),
    /** Bills paid by 缴款码: registration, lookup, QR and wallet payment, e-bills, agency statements. */
    gov: createGovPaymentDomain(mc),
    uploadTapBatch: (...args: Input<typeof uploadTapBatch>) => uploadTapBatch(mc, ...args),
    /** Ride codes and their scans, operating days, hardware wallets' offline caps. */
    transit: createTransitDomain(mc),
    statement: (merchantId: string, date: string): string => merchantStatement(mc, merchantId, date),
  }
}

export type MerchantDomain = ReturnType<typeof createMerchantDomain>
