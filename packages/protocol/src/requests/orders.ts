/** Request bodies of the order, payment and refund operations. */
import * as z from 'zod/mini'
import { limits } from '../constants/limits.js'
import { orderModes } from '../schemas/orders.js'
import { contractPayment } from './contractPayment.js'
import {
  amount,
  expirySeconds,
  gatewayId,
  goodsName,
  merchantNumber,
  notifyUrl,
  paymentCodeDigits,
  paymentPassword,
  terminalNo,
  text,
} from './fields.js'

export const createOrderRequest = z
  .object({
    merchantId: z.optional(gatewayId),
    merchantOrderNo: merchantNumber,
    amount,
    description: goodsName,
    mode: z.enum(orderModes),
    paymentCode: z.optional(paymentCodeDigits),
    subWalletId: z.optional(gatewayId),
    expiresInSeconds: z.optional(expirySeconds),
    sceneId: z.optional(gatewayId),
    terminalId: z.optional(terminalNo),
    notifyUrl: z.optional(notifyUrl),
    /** A smart-contract payment (delayed clearing, then a profit split); QR orders only. */
    contract: z.optional(contractPayment),
  })
  .check(
    z.refine((order) => order.contract === undefined || order.mode === 'qr', {
      message: 'a contract payment is a QR order (mode qr)',
      path: ['contract'],
    }),
    z.refine((order) => order.mode !== 'payment_code' || order.paymentCode !== undefined, {
      message: 'required when mode is payment_code',
      path: ['paymentCode'],
    }),
    z.refine((order) => order.mode !== 'sub_wallet' || order.subWalletId !== undefined, {
      message: 'required when mode is sub_wallet',
      path: ['subWalletId'],
    }),
  )

export const payOrderRequest = z.object({
  walletId: gatewayId,
  /** Use this campaign's benefit (a held voucher, or an order campaign); default: the best one eligible. */
  campaignId: z.optional(gatewayId),
  /** The holder's 6-digit payment password; without it the payment is password-free (小额免密). */
  password: z.optional(paymentPassword),
})

export const resolveQrRequest = z.object({ payload: text(limits.qrPayloadLength) })

export const createRefundRequest = z.object({
  merchantRefundNo: merchantNumber,
  amount,
  reason: z.optional(z.string().check(z.maxLength(limits.refundReasonLength))),
})
