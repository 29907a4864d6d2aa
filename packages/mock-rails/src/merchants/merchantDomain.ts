/**
 * The merchant domain of the rails: applications and their review, documents, scenes, terminals,
 * QR codes, government bills, transit tap batches and daily statements. Orders, refunds and money
 * movement stay in the engine; this module calls the engine like any client would, so a bill paid by
 * QR or a transit tap debited later is an ordinary order with ordinary notifications.
 */
import { createHash } from 'node:crypto'
import { computeUsccCheckChar, isValidUscc, residentIdBirthDateProblem } from '@ecny/sdk-core/internal'
import type * as z from 'zod/mini'
import type { Engine } from '../engine/createEngine.js'
import { merchantToWire } from '../engine/toWire.js'
import type { MerchantRecord, MerchantStore } from '../state/merchantStore.js'
import type { OrderRecord, RefundRecord } from '../state/records.js'
import { parseParams } from '../support/parseParams.js'
import { notFound, RailsError } from '../support/railsError.js'
import { formatTimestamp, shanghaiDate } from '../support/shanghaiTime.js'
import {
  createGovBillRequest,
  createMerchantRequest,
  createQrCodeRequest,
  createSceneRequest,
  createTerminalRequest,
  governmentSettings,
  payGovBillRequest,
  requiredDocumentTypes,
  retailSettings,
  tapBatchRequest,
  transitSettings,
  updateMerchantRequest,
  uploadDocumentRequest,
  utilitySettings,
} from './merchantRequests.js'
import { statementCsv } from './statementCsv.js'

/** What the domain needs from the rails around it. */
export type MerchantDomainHost = {
  engine: Engine
  merchants: MerchantStore
  /** Rails clock, epoch ms. */
  now(): number
  /** Every order and refund the rails hold, for statements. */
  ordersAndRefunds(): { orders: Iterable<OrderRecord>; refunds: Iterable<RefundRecord> }
  /** Queues a `merchant.approved` / `merchant.rejected` notification, when the rails can deliver one. */
  notify?(event: { type: 'merchant.approved' | 'merchant.rejected'; merchant: MerchantRecord }): void
}

type SceneKind = 'retail' | 'transit' | 'government' | 'utility'
type SceneRecord = {
  id: string
  merchantId: string
  kind: SceneKind
  name: string
  areaCode: string
  settings: Record<string, unknown>
  createdAt: number
}
type TerminalRecord = { id: string; sceneId: string; deviceType: string; deviceId: string; createdAt: number }
type QrCodeRecord = {
  id: string
  sceneId: string
  kind: 'static' | 'dynamic'
  payload: string
  amount: number | null
  orderId: string | null
  createdAt: number
}
type BillRecord = {
  id: string
  sceneId: string
  merchantId: string
  agency: string
  billNo: string
  billType: string
  payerName: string
  amount: number
  dueDate: string
  canceled: boolean
  /** Orders issued to pay it, oldest first (a new one after an earlier one expired unpaid). */
  orderIds: string[]
  createdAt: number
}
type TapRecord = { orderId: string | null; status: 'debited' | 'failed'; failureCode: string | null }
type DocumentRecord = MerchantRecord['documents'][number] & { contentType: string; uploadedAt: number }

export type MerchantDomain = ReturnType<typeof createMerchantDomain>

const documentTypeNames: Record<string, string> = {
  business_licence: 'business licence',
  legal_rep_id: "legal representative's ID",
  account_proof: 'settlement account proof',
}

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

/** Builds the merchant domain over a host. All state lives here (not in rails snapshots). */
export function createMerchantDomain(host: MerchantDomainHost) {
  const counters: Record<string, number> = {}
  const nextId = (prefix: string) => {
    const n = (counters[prefix] ?? 0) + 1
    counters[prefix] = n
    return `${prefix}_${n.toString(36).padStart(8, '0')}`
  }
  const overrides = new Map<string, boolean>()
  const documentDetails = new Map<string, DocumentRecord>()
  const scenes = new Map<string, SceneRecord>()
  const terminals = new Map<string, TerminalRecord>()
  const qrCodes = new Map<string, QrCodeRecord>()
  const bills = new Map<string, BillRecord>()
  const billByNo = new Map<string, string>()
  const taps = new Map<string, TapRecord>()

  function merchantRecord(merchantId: string): MerchantRecord {
    const record = host.merchants.get(merchantId)
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

  const wireMerchant = (record: MerchantRecord) => merchantToWire(record)

  /** The review: every problem found becomes a field-level rejection. */
  function review(record: MerchantRecord): Array<{ field: string; reason: string }> {
    const rejections: Array<{ field: string; reason: string }> = []
    if (!isValidUscc(record.uscc)) {
      rejections.push({
        field: 'uscc',
        reason: `USCC check character is ${record.uscc[17]} but should be ${computeUsccCheckChar(record.uscc.slice(0, 17))} (GB 32100-2015), and the registry has no such code`,
      })
    }
    const rep = record.legalRepresentative
    if (rep.idType === 'IT01') {
      if (!/^\d{17}[\dX]$/.test(rep.idNumber)) {
        rejections.push({
          field: 'legalRepresentative.idNumber',
          reason: 'resident ID number must be 17 digits and a check character',
        })
      } else {
        const problem = residentIdBirthDateProblem(rep.idNumber, new Date(host.now()))
        if (problem)
          rejections.push({ field: 'legalRepresentative.idNumber', reason: `resident ID number ${problem}` })
      }
    }
    for (const type of requiredDocumentTypes) {
      if (!record.documents.some((document) => document.type === type)) {
        rejections.push({
          field: `documents.${type}`,
          reason: `required document missing: ${documentTypeNames[type]}`,
        })
      }
    }
    if (record.settlementWalletId === null) {
      rejections.push({ field: 'settlementWalletId', reason: 'a corporate settlement wallet is required' })
    } else {
      let wallet: ReturnType<Engine['getWallet']> | undefined
      try {
        wallet = host.engine.getWallet(record.settlementWalletId)
      } catch {
        rejections.push({ field: 'settlementWalletId', reason: 'no wallet has this id' })
      }
      if (wallet) {
        const holder = wallet.holder as { name?: string; uscc?: string }
        if (wallet.type !== 'WT09') {
          rejections.push({
            field: 'settlementWalletId',
            reason: 'the settlement wallet must be a corporate (WT09) wallet',
          })
        } else if (wallet.status !== 'active') {
          rejections.push({
            field: 'settlementWalletId',
            reason: `the settlement wallet is ${wallet.status}`,
          })
        } else if (holder.name !== record.legalName) {
          rejections.push({
            field: 'settlementWalletId',
            reason: `settlement account name "${holder.name ?? ''}" is not the licence name "${record.legalName}"`,
          })
        } else if (holder.uscc !== undefined && holder.uscc !== record.uscc) {
          rejections.push({
            field: 'settlementWalletId',
            reason: 'the settlement wallet belongs to another entity (USCC differs)',
          })
        }
      }
    }
    return rejections
  }

  function sceneRecord(sceneId: string): SceneRecord {
    const found = scenes.get(sceneId)
    if (!found) throw notFound('scene', sceneId)
    return found
  }

  const sceneToWire = (record: SceneRecord) => ({
    id: record.id,
    merchantId: record.merchantId,
    kind: record.kind,
    name: record.name,
    areaCode: record.areaCode,
    settings: record.settings,
    createdAt: formatTimestamp(record.createdAt),
  })

  const qrToWire = (record: QrCodeRecord) => ({
    id: record.id,
    sceneId: record.sceneId,
    kind: record.kind,
    payload: record.payload,
    amount: record.amount,
    orderId: record.orderId,
    createdAt: formatTimestamp(record.createdAt),
  })

  function billToWire(record: BillRecord) {
    const orders = record.orderIds.map((id) => host.engine.getOrder(id))
    const paid = orders.find((order) => order.paidAt !== null && order.status !== 'canceled')
    const open = orders.find((order) => order.status === 'created')
    const current = paid ?? open ?? orders.at(-1)
    const overdue = shanghaiDate(host.now()) > record.dueDate
    const status = record.canceled ? 'canceled' : paid ? 'paid' : overdue ? 'overdue' : 'unpaid'
    return {
      id: record.id,
      sceneId: record.sceneId,
      agency: record.agency,
      billNo: record.billNo,
      billType: record.billType,
      payerName: record.payerName,
      amount: record.amount,
      dueDate: record.dueDate,
      status,
      orderId: current?.id ?? null,
      qrPayload: open?.qrPayload ?? null,
      receipt: paid
        ? {
            receiptNo: `RCPT-${record.id.slice(5).toUpperCase()}-${paid.id.slice(4).toUpperCase()}`,
            paidAt: paid.paidAt!,
            amount: paid.paidAmount,
            payerWalletId: paid.payerWalletId!,
          }
        : null,
      createdAt: formatTimestamp(record.createdAt),
    }
  }

  function billRecord(billId: string): BillRecord {
    const found = bills.get(billId)
    if (!found) throw notFound('bill', billId)
    return found
  }

  return {
    /** `POST /v1/merchants`: a draft application. */
    createApplication(input: z.input<typeof createMerchantRequest>) {
      const params = parseParams(createMerchantRequest, input)
      assertUsccCheck(params.uscc, params.allowInvalidUsccCheck === true)
      const now = host.now()
      const record: MerchantRecord = {
        id: nextId('mch_a'),
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
        createdAt: now,
        reviewedAt: null,
      }
      overrides.set(record.id, params.allowInvalidUsccCheck === true)
      host.merchants.put(record)
      return wireMerchant(record)
    },

    /** `PATCH /v1/merchants/{id}`: changes a draft or rejected application; it becomes a draft again. */
    updateApplication(merchantId: string, input: z.input<typeof updateMerchantRequest>) {
      const record = editableApplication(merchantId)
      const params = parseParams(updateMerchantRequest, input)
      const allowInvalid = params.allowInvalidUsccCheck ?? overrides.get(merchantId) ?? false
      if (params.uscc !== undefined) assertUsccCheck(params.uscc, allowInvalid)
      overrides.set(merchantId, allowInvalid)
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
      host.merchants.put(next)
      return wireMerchant(next)
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
        id: nextId('doc'),
        type: params.type,
        sha256: params.sha256,
        size: params.size,
        contentType: params.contentType,
        uploadedAt: host.now(),
      }
      documentDetails.set(document.id, document)
      const documents = [
        ...record.documents.filter(
          (existing) => existing.type !== params.type || params.type.startsWith('site_photo'),
        ),
        { id: document.id, type: document.type, sha256: document.sha256, size: document.size },
      ]
      host.merchants.put({ ...merchantRecord(merchantId), documents })
      return { ...document, uploadedAt: formatTimestamp(document.uploadedAt) }
    },

    /** `POST /v1/merchants/{id}/submit`: reviews at once → approved, or rejected with field-level reasons. */
    submitApplication(merchantId: string) {
      const record = editableApplication(merchantId)
      const rejections = review(record)
      const reviewed: MerchantRecord = {
        ...record,
        status: rejections.length === 0 ? 'approved' : 'rejected',
        rejections,
        reviewedAt: host.now(),
      }
      host.merchants.put(reviewed)
      host.notify?.({
        type: reviewed.status === 'approved' ? 'merchant.approved' : 'merchant.rejected',
        merchant: reviewed,
      })
      return wireMerchant(reviewed)
    },

    getMerchant(merchantId: string) {
      return wireMerchant(merchantRecord(merchantId))
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
        id: nextId('scn'),
        merchantId,
        kind: params.kind,
        name: params.name,
        areaCode: params.areaCode,
        settings: settings as Record<string, unknown>,
        createdAt: host.now(),
      }
      scenes.set(record.id, record)
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
      for (const existing of terminals.values()) {
        if (existing.sceneId === sceneId && existing.deviceId === params.deviceId) {
          throw new RailsError(
            'conflict',
            `Device ${params.deviceId} is already registered in scene ${sceneId} as ${existing.id}.`,
            {
              terminalId: existing.id,
            },
          )
        }
      }
      const record: TerminalRecord = { id: nextId('trm'), sceneId, ...params, createdAt: host.now() }
      terminals.set(record.id, record)
      return { ...record, createdAt: formatTimestamp(record.createdAt) }
    },

    /** `POST /v1/scenes/{id}/qr-codes`: static (printed) or dynamic (one `qr` order). */
    createQrCode(sceneId: string, input: z.input<typeof createQrCodeRequest>) {
      const scene = sceneRecord(sceneId)
      approvedMerchant(scene.merchantId)
      const params = parseParams(createQrCodeRequest, input)
      const id = nextId('qr')
      let record: QrCodeRecord
      if (params.kind === 'static') {
        record = {
          id,
          sceneId,
          kind: 'static',
          payload: `ecny://pay?m=${scene.merchantId}&s=${sceneId}&q=${id}`,
          amount: null,
          orderId: null,
          createdAt: host.now(),
        }
      } else {
        const order = host.engine.createOrder({
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
          createdAt: host.now(),
        }
      }
      qrCodes.set(id, record)
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
      if (Number.isNaN(Date.parse(`${params.dueDate}T00:00:00Z`)))
        throw invalid('dueDate', 'is not a real date')
      const key = `${scene.id}\u241f${params.billNo}`
      const existingId = billByNo.get(key)
      const agency = params.agency ?? settings.agency
      if (existingId !== undefined) {
        const existing = bills.get(existingId)!
        if (
          existing.amount === params.amount &&
          existing.payerName === params.payerName &&
          existing.billType === params.billType
        ) {
          return billToWire(existing)
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
        id: nextId('bill'),
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
        createdAt: host.now(),
      }
      bills.set(record.id, record)
      billByNo.set(key, record.id)
      return billToWire(record)
    },

    billMerchant(billId: string): string {
      return billRecord(billId).merchantId
    },

    getGovBill(billId: string) {
      return billToWire(billRecord(billId))
    },

    /** `POST /v1/gov/bills/{id}/qr`: an open `qr` order for the bill (the one already open, if any). */
    payGovBillByQr(billId: string, input: z.input<typeof payGovBillRequest>) {
      const record = billRecord(billId)
      const params = parseParams(payGovBillRequest, input)
      const current = billToWire(record)
      if (current.status === 'paid')
        throw new RailsError('invalid_state', `Bill ${record.billNo} is already paid.`, { billId })
      if (current.status === 'canceled')
        throw new RailsError('invalid_state', `Bill ${record.billNo} was canceled.`, { billId })
      if (current.qrPayload) return current
      const attempt = record.orderIds.length + 1
      const order = host.engine.createOrder({
        merchantId: record.merchantId,
        merchantOrderNo: attempt === 1 ? record.billNo : `${record.billNo}-${attempt}`.slice(0, 64),
        amount: record.amount,
        description: `${record.billType} ${record.billNo}`.replace(/[/=&]/g, ' ').slice(0, 40),
        mode: 'qr',
        sceneId: record.sceneId,
        ...(params.expiresInSeconds !== undefined && { expiresInSeconds: params.expiresInSeconds }),
      })
      record.orderIds.push(order.id)
      return billToWire(record)
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
        const seen = taps.get(key)
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
          const order = host.engine.createOrder({
            merchantId: scene.merchantId,
            merchantOrderNo: `TAP-${tap.walletId}-${tap.counter}`,
            amount: tap.amount,
            description: `${scene.name} fare`.replace(/[/=&]/g, ' ').slice(0, 40),
            mode: 'qr',
            sceneId: scene.id,
            terminalId: tap.gateId,
          })
          try {
            host.engine.payOrder(order.id, { walletId: tap.walletId })
            record = { orderId: order.id, status: 'debited', failureCode: null }
          } catch (error) {
            if (!(error instanceof RailsError)) throw error
            host.engine.closeOrder(order.id)
            record = { orderId: order.id, status: 'failed', failureCode: error.code }
          }
        }
        taps.set(key, record)
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
      return { id: nextId('tpb'), sceneId: scene.id, results, totals, createdAt: formatTimestamp(host.now()) }
    },

    /** `GET /v1/statements/{date}`: the CSV of a merchant's orders and refunds of one Asia/Shanghai day. */
    statement(merchantId: string, date: string): string {
      merchantRecord(merchantId)
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
        throw invalid('date', 'expected a real date written YYYY-MM-DD')
      }
      const { orders, refunds } = host.ordersAndRefunds()
      return statementCsv(merchantId, date, orders, refunds)
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
