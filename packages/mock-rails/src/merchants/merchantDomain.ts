/**
 * The merchant domain of the rails: applications and their review, documents, scenes, terminals,
 * QR codes, government bills, transit tap batches and daily statements. Orders, refunds and money
 * movement stay in the engine; this module calls the engine like any client would, so a bill paid by
 * QR or a transit tap debited later is an ordinary order with ordinary notifications. Review outcomes
 * (`merchant.approved` / `merchant.rejected`) go to the rails' notification outbox. Its state lives in
 * the rails state (`merchantStateOf`), so snapshots carry it.
 */
import { createHash } from 'node:crypto'
import { computeUsccCheckChar, isValidUscc } from '@ecny/sdk-core/internal'
import type * as z from 'zod/mini'
import type { Engine } from '../engine/createEngine.js'
import { type CoreContext, nextId } from '../engine/engineContext.js'
import { merchantDay } from '../engine/merchantDays.js'
import { merchantToWire } from '../engine/toWire.js'
import type { MerchantRecord } from '../state/merchantStore.js'
import { parseParams } from '../support/parseParams.js'
import { notFound, RailsError } from '../support/railsError.js'
import { formatTimestamp, isCalendarDate } from '../support/shanghaiTime.js'
import {
  createGovBillRequest,
  createMerchantRequest,
  createQrCodeRequest,
  createSceneRequest,
  createTerminalRequest,
  governmentSettings,
  payGovBillRequest,
  retailSettings,
  tapBatchRequest,
  transitSettings,
  updateMerchantRequest,
  uploadDocumentRequest,
  utilitySettings,
} from './merchantRequests.js'
import type { BillRecord, DocumentRecord, QrCodeRecord, SceneRecord, TapRecord } from './merchantState.js'
import { merchantStateOf } from './merchantState.js'
import { billToWire, qrToWire, sceneToWire, terminalToWire } from './merchantWire.js'
import { reviewApplication } from './reviewApplication.js'
import { statementCsv } from './statementCsv.js'

export type MerchantDomain = ReturnType<typeof createMerchantDomain>

function base64ToBytes(text: string): Uint8Array | undefined {
  try {
    const binary = atob(text)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    return bytes
  } catch {
    return undefined
  }
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

const invalid = (path: string, message: string) =>
  new RailsError('invalid_request', `Invalid request: ${path}: ${message}.`, { issues: [{ path, message }] })

/** Builds the merchant domain over the rails' engine context; `createRails` does this. */
export function createMerchantDomain(ctx: CoreContext, engine: Engine) {
  const store = merchantStateOf(ctx.state)
  const now = () => ctx.clock.now()

  function merchantRecord(merchantId: string): MerchantRecord {
    const record = ctx.merchants.get(merchantId)
    if (!record) throw notFound('merchant', merchantId)
    return record
  }

  function approvedMerchant(merchantId: string): MerchantRecord {
    const record = merchantRecord(merchantId)
    if (record.status !== 'approved') {
      throw new RailsError(
        'merchant_not_approved',
        `Merchant ${merchantId} is ${record.status}, not approved. Finish onboarding and wait for the review first.`,
        { merchantId, status: record.status },
      )
    }
    return record
  }

  function editableApplication(merchantId: string): MerchantRecord {
    const record = merchantRecord(merchantId)
    if (record.status !== 'draft' && record.status !== 'rejected') {
      throw new RailsError(
        'invalid_state',
        `Application ${merchantId} is ${record.status}; only a draft or rejected application can be changed.`,
        { merchantId, status: record.status },
      )
    }
    return record
  }

  function assertUsccCheck(uscc: string, allowInvalid: boolean): void {
    if (allowInvalid || isValidUscc(uscc)) return
    throw invalid(
      'uscc',
      `check character is ${uscc[17]} but should be ${computeUsccCheckChar(uscc.slice(0, 17))}; if the code is registered anyway, send allowInvalidUsccCheck: true`,
    )
  }

  function sceneRecord(sceneId: string): SceneRecord {
    const found = store.scenes.get(sceneId)
    if (!found) throw notFound('scene', sceneId)
    return found
  }

  function billRecord(billId: string): BillRecord {
    const found = store.govBills.get(billId)
    if (!found) throw notFound('bill', billId)
    return found
  }

  const wireBill = (record: BillRecord) => billToWire(record, engine, now())

  return {
    /** `POST /v1/merchants`: a draft application. */
    createApplication(input: z.input<typeof createMerchantRequest>) {
      const params = parseParams(createMerchantRequest, input)
      assertUsccCheck(params.uscc, params.allowInvalidUsccCheck === true)
      const createdAt = now()
      const record: MerchantRecord = {
        id: nextId(ctx, 'mch_a'),
        status: 'draft',
        legalName: params.legalName,
        uscc: params.uscc,
        mcc: params.mcc,
        legalRepresentative: {
          ...params.legalRepresentative,
          idNumber: params.legalRepresentative.idNumber.toUpperCase(),
        },
        contactMobile: params.contactMobile,
        settlementWalletId: params.settlementWalletId,
        documents: [],
        rejections: [],
        notifyUrl: params.notifyUrl ?? null,
        createdAt,
        reviewedAt: null,
      }
      store.usccOverrides.set(record.id, params.allowInvalidUsccCheck === true)
      ctx.merchants.put(record)
      return merchantToWire(record)
    },

    /** `PATCH /v1/merchants/{id}`: changes a draft or rejected application; it becomes a draft again. */
    updateApplication(merchantId: string, input: z.input<typeof updateMerchantRequest>) {
      const record = editableApplication(merchantId)
      const params = parseParams(updateMerchantRequest, input)
      const allowInvalid = params.allowInvalidUsccCheck ?? store.usccOverrides.get(merchantId) ?? false
      if (params.uscc !== undefined) assertUsccCheck(params.uscc, allowInvalid)
      store.usccOverrides.set(merchantId, allowInvalid)
      const next: MerchantRecord = {
        ...record,
        ...(params.legalName !== undefined && { legalName: params.legalName }),
        ...(params.uscc !== undefined && { uscc: params.uscc }),
        ...(params.mcc !== undefined && { mcc: params.mcc }),
        ...(params.legalRepresentative !== undefined && {
          legalRepresentative: {
            ...params.legalRepresentative,
            idNumber: params.legalRepresentative.idNumber.toUpperCase(),
          },
        }),
        ...(params.contactMobile !== undefined && { contactMobile: params.contactMobile }),
        ...(params.settlementWalletId !== undefined && { settlementWalletId: params.settlementWalletId }),
        ...(params.notifyUrl !== undefined && { notifyUrl: params.notifyUrl }),
        status: 'draft',
      }
      ctx.merchants.put(next)
      return merchantToWire(next)
    },

    /** `POST /v1/merchants/{id}/documents`: registers a document, checking the bytes against the digest. */
    uploadDocument(merchantId: string, input: z.input<typeof uploadDocumentRequest>) {
      const record = editableApplication(merchantId)
      const params = parseParams(uploadDocumentRequest, input)
      if (params.content !== undefined) {
        const bytes = base64ToBytes(params.content)
        if (!bytes) throw invalid('content', 'is not valid base64')
        if (bytes.byteLength !== params.size)
          throw invalid('size', `is ${params.size} but the content has ${bytes.byteLength} bytes`)
        if (sha256Hex(bytes) !== params.sha256)
          throw invalid('sha256', 'does not match the content: the file was altered or truncated')
      }
      const document: DocumentRecord = {
        id: nextId(ctx, 'doc'),
        type: params.type,
        sha256: params.sha256,
        size: params.size,
        contentType: params.contentType,
        uploadedAt: now(),
      }
      store.merchantDocuments.set(document.id, document)
      const documents = [
        ...record.documents.filter(
          (existing) => existing.type !== params.type || params.type.startsWith('site_photo'),
        ),
        { id: document.id, type: document.type, sha256: document.sha256, size: document.size },
      ]
      ctx.merchants.put({ ...merchantRecord(merchantId), documents })
      return { ...document, uploadedAt: formatTimestamp(document.uploadedAt) }
    },

    /** `POST /v1/merchants/{id}/submit`: reviews at once → approved, or rejected with field-level reasons. */
    submitApplication(merchantId: string) {
      const record = editableApplication(merchantId)
      const rejections = reviewApplication(engine, record, now())
      const reviewed: MerchantRecord = {
        ...record,
        status: rejections.length === 0 ? 'approved' : 'rejected',
        rejections,
        reviewedAt: now(),
      }
      ctx.merchants.put(reviewed)
      ctx.emit({
        type: reviewed.status === 'approved' ? 'merchant.approved' : 'merchant.rejected',
        merchant: reviewed,
      })
      return merchantToWire(reviewed)
    },

    getMerchant(merchantId: string) {
      return merchantToWire(merchantRecord(merchantId))
    },

    /** `POST /v1/merchants/{id}/scenes`. */
    createScene(merchantId: string, input: z.input<typeof createSceneRequest>) {
      approvedMerchant(merchantId)
      const params = parseParams(createSceneRequest, input)
      const schema = {
        retail: retailSettings,
        transit: transitSettings,
        government: governmentSettings,
        utility: utilitySettings,
      }[params.kind]
      const settings = parseParamsAt('settings', schema as z.ZodMiniType, params.settings)
      const record: SceneRecord = {
        id: nextId(ctx, 'scn'),
        merchantId,
        kind: params.kind,
        name: params.name,
        areaCode: params.areaCode,
        settings: settings as Record<string, unknown>,
        createdAt: now(),
      }
      store.scenes.set(record.id, record)
      return sceneToWire(record)
    },

    sceneMerchant(sceneId: string): string {
      return sceneRecord(sceneId).merchantId
    },

    /** `POST /v1/scenes/{id}/terminals`. */
    createTerminal(sceneId: string, input: z.input<typeof createTerminalRequest>) {
      const scene = sceneRecord(sceneId)
      approvedMerchant(scene.merchantId)
      const params = parseParams(createTerminalRequest, input)
      const deviceKey = `${sceneId}\u241f${params.deviceId}`
      const existing = store.terminalByDevice.get(deviceKey)
      if (existing !== undefined) {
        throw new RailsError(
          'conflict',
          `Device ${params.deviceId} is already registered in scene ${sceneId} as ${existing}.`,
          { terminalId: existing },
        )
      }
      const record = { id: nextId(ctx, 'trm'), sceneId, ...params, createdAt: now() }
      store.terminals.set(record.id, record)
      store.terminalByDevice.set(deviceKey, record.id)
      return terminalToWire(record)
    },

    /** `POST /v1/scenes/{id}/qr-codes`: static (printed) or dynamic (one `qr` order). */
    createQrCode(sceneId: string, input: z.input<typeof createQrCodeRequest>) {
      const scene = sceneRecord(sceneId)
      approvedMerchant(scene.merchantId)
      const params = parseParams(createQrCodeRequest, input)
      const id = nextId(ctx, 'qr')
      let record: QrCodeRecord
      if (params.kind === 'static') {
        record = {
          id,
          sceneId,
          kind: 'static',
          payload: `ecny://pay?m=${scene.merchantId}&s=${sceneId}&q=${id}`,
          amount: null,
          orderId: null,
          createdAt: now(),
        }
      } else {
        const order = engine.createOrder({
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
          createdAt: now(),
        }
      }
      store.qrCodes.set(id, record)
      return qrToWire(record)
    },

    /** `POST /v1/gov/bills`: the same bill number with the same details returns the bill already issued. */
    createGovBill(input: z.input<typeof createGovBillRequest>) {
      const params = parseParams(createGovBillRequest, input)
      const scene = sceneRecord(params.sceneId)
      approvedMerchant(scene.merchantId)
      if (scene.kind !== 'government')
        throw invalid('sceneId', `scene ${scene.id} is a ${scene.kind} scene, not a government one`)
      const settings = scene.settings as { agency: string; billTypes: string[] }
      if (!settings.billTypes.includes(params.billType)) {
        throw invalid('billType', `must be one of this scene's bill types: ${settings.billTypes.join(', ')}`)
      }
      if (!isCalendarDate(params.dueDate)) throw invalid('dueDate', 'is not a real date')
      const key = `${scene.id}\u241f${params.billNo}`
      const existingId = store.govBillByNo.get(key)
      const agency = params.agency ?? settings.agency
      if (existingId !== undefined) {
        const existing = store.govBills.get(existingId)!
        if (
          existing.amount === params.amount &&
          existing.payerName === params.payerName &&
          existing.billType === params.billType
        ) {
          return wireBill(existing)
        }
        throw new RailsError(
          'conflict',
          `Bill number ${params.billNo} was already issued in this scene with other details.`,
          {
            billId: existing.id,
          },
        )
      }
      const record: BillRecord = {
        id: nextId(ctx, 'bill'),
        sceneId: scene.id,
        merchantId: scene.merchantId,
        agency,
        billNo: params.billNo,
        billType: params.billType,
        payerName: params.payerName,
        amount: params.amount,
        dueDate: params.dueDate,
        canceled: false,
        orderIds: [],
        createdAt: now(),
      }
      store.govBills.set(record.id, record)
      store.govBillByNo.set(key, record.id)
      return wireBill(record)
    },

    billMerchant(billId: string): string {
      return billRecord(billId).merchantId
    },

    getGovBill(billId: string) {
      return wireBill(billRecord(billId))
    },

    /** `POST /v1/gov/bills/{id}/qr`: an open `qr` order for the bill (the one already open, if any). */
    payGovBillByQr(billId: string, input: z.input<typeof payGovBillRequest>) {
      const record = billRecord(billId)
      const params = parseParams(payGovBillRequest, input)
      const current = wireBill(record)
      if (current.status === 'paid')
        throw new RailsError('invalid_state', `Bill ${record.billNo} is already paid.`, { billId })
      if (current.status === 'canceled')
        throw new RailsError('invalid_state', `Bill ${record.billNo} was canceled.`, { billId })
      if (current.qrPayload) return current
      const attempt = record.orderIds.length + 1
      const order = engine.createOrder({
        merchantId: record.merchantId,
        merchantOrderNo: attempt === 1 ? record.billNo : `${record.billNo}-${attempt}`.slice(0, 64),
        amount: record.amount,
        description: `${record.billType} ${record.billNo}`.replace(/[/=&]/g, ' ').slice(0, 40),
        mode: 'qr',
        sceneId: record.sceneId,
        ...(params.expiresInSeconds !== undefined && { expiresInSeconds: params.expiresInSeconds }),
      })
      record.orderIds.push(order.id)
      return wireBill(record)
    },

    /** `POST /v1/transit/tap-batches`: deferred debit of offline taps, one result per tap. */
    uploadTapBatch(input: z.input<typeof tapBatchRequest>) {
      const params = parseParams(tapBatchRequest, input)
      const scene = sceneRecord(params.sceneId)
      approvedMerchant(scene.merchantId)
      if (scene.kind !== 'transit')
        throw invalid('sceneId', `scene ${scene.id} is a ${scene.kind} scene, not a transit one`)
      const offline = (scene.settings as { offlineTaps?: { enabled: boolean; maxAmount?: number } })
        .offlineTaps
      if (!offline?.enabled) {
        throw new RailsError(
          'permission_denied',
          `Scene ${scene.id} does not accept offline taps. Enable offlineTaps on the scene.`,
          {
            sceneId: scene.id,
          },
        )
      }
      const maxAmount = offline.maxAmount ?? 50_000
      const results: Array<{
        walletId: string
        counter: number
        status: 'debited' | 'duplicate' | 'failed'
        orderId: string | null
        failureCode: string | null
      }> = []
      const totals = { debited: 0, debitedCount: 0, duplicates: 0, failed: 0 }
      for (const tap of params.taps) {
        const key = `${tap.walletId}\u241f${tap.counter}`
        const seen = store.transitTaps.get(key)
        if (seen) {
          totals.duplicates++
          results.push({
            walletId: tap.walletId,
            counter: tap.counter,
            status: 'duplicate',
            orderId: seen.orderId,
            failureCode: null,
          })
          continue
        }
        let record: TapRecord
        if (tap.amount > maxAmount) {
          record = { orderId: null, status: 'failed', failureCode: 'limit_exceeded' }
        } else {
          const order = engine.createOrder({
            merchantId: scene.merchantId,
            merchantOrderNo: `TAP-${tap.walletId}-${tap.counter}`,
            amount: tap.amount,
            description: `${scene.name} fare`.replace(/[/=&]/g, ' ').slice(0, 40),
            mode: 'qr',
            sceneId: scene.id,
            terminalId: tap.gateId,
          })
          try {
            engine.payOrder(order.id, { walletId: tap.walletId })
            record = { orderId: order.id, status: 'debited', failureCode: null }
          } catch (error) {
            if (!(error instanceof RailsError)) throw error
            engine.closeOrder(order.id)
            record = { orderId: order.id, status: 'failed', failureCode: error.code }
          }
        }
        store.transitTaps.set(key, record)
        if (record.status === 'debited') {
          totals.debited += tap.amount
          totals.debitedCount++
        } else totals.failed++
        results.push({
          walletId: tap.walletId,
          counter: tap.counter,
          status: record.status,
          orderId: record.orderId,
          failureCode: record.failureCode,
        })
      }
      return { id: nextId(ctx, 'tpb'), sceneId: scene.id, results, totals, createdAt: formatTimestamp(now()) }
    },

    /** `GET /v1/statements/{date}`: the CSV of a merchant's orders and refunds of one Asia/Shanghai day. */
    statement(merchantId: string, date: string): string {
      merchantRecord(merchantId)
      if (!isCalendarDate(date)) {
        throw invalid('date', 'expected a real date written YYYY-MM-DD')
      }
      return statementCsv(merchantDay(ctx.state, merchantId, date))
    },
  }
}

function parseParamsAt<T extends z.ZodMiniType>(prefix: string, schema: T, input: unknown): z.output<T> {
  try {
    return parseParams(schema, input)
  } catch (error) {
    if (!(error instanceof RailsError)) throw error
    const issues = (error.details.issues as Array<{ path: string; message: string }>).map((issue) => ({
      path: issue.path === '(input)' ? prefix : `${prefix}.${issue.path}`,
      message: issue.message,
    }))
    const first = issues[0]!
    throw new RailsError('invalid_request', `Invalid request: ${first.path}: ${first.message}.`, { issues })
  }
}
