'use server'

import { randomInt, randomUUID } from 'node:crypto'
import { createClient, createClientToken } from '@ecny/sdk-core'
import { EcnyError } from '@ecny/sdk-merchant'
import type { CheckoutOrder } from '@ecny/sdk-react'
import { headers } from 'next/headers'
import { getShop } from '../lib/shop'

/** Largest amount the demo shop accepts, in fen (¥50,000). */
const maxAmount = 5_000_000

/**
 * Where the gateway reaches this app: `ECNY_PUBLIC_URL` in production (your public https URL);
 * otherwise the address the page was loaded from, which is right for a sandbox on this machine.
 */
async function notifyUrl(): Promise<string> {
  const base = process.env.ECNY_PUBLIC_URL
  if (base) return new URL('/api/ecny/notifications', base).href
  const request = await headers()
  const proto = request.get('x-forwarded-proto') ?? 'http'
  return `${proto}://${request.get('host')}/api/ecny/notifications`
}

/**
 * Server action: creates a QR order for `amount` fen with the merchant's server credentials and mints
 * a client token scoped to that one order, which is all the page ever holds.
 */
export async function createCheckout(amount: number): Promise<CheckoutOrder & { merchantOrderNo: string }> {
  // A real shop prices the cart itself; the demo takes an amount so the page can try any.
  if (!Number.isInteger(amount) || amount < 1 || amount > maxAmount)
    throw new EcnyError('invalid_request', `The amount must be a whole number of fen from 1 to ${maxAmount}.`)
  const { merchant, book } = await getShop()
  const merchantOrderNo = `NEXT-${Date.now()}-${randomUUID().slice(0, 8)}`
  const order = await merchant.orders.create({
    mode: 'qr',
    merchantOrderNo,
    amount,
    description: 'Next.js example order',
    expiresInSeconds: 300,
    notifyUrl: await notifyUrl(),
  })
  book.add({ orderId: order.id, merchantOrderNo, amount: order.amount })
  const token = await createClientToken(merchant, { scope: { type: 'order', id: order.id }, ttlSeconds: 900 })
  return {
    orderId: order.id,
    merchantOrderNo,
    qrPayload: order.qrPayload!,
    amount: order.amount,
    expiresAt: order.expiresAt,
    clientToken: token.token,
  }
}

/** Server action: closes an order the page stopped following, so its code can no longer be paid. */
export async function closeCheckout(orderId: string): Promise<void> {
  const { merchant, book } = await getShop()
  if (!book.get(orderId)) return
  try {
    await merchant.orders.close({ orderId })
  } catch (error) {
    // Already paid, closed or expired: nothing to close.
    if (!(error instanceof EcnyError)) throw error
  }
}

/**
 * Server action, embedded sandbox only: pays `orderId` from a fresh sandbox wallet, standing in for
 * the customer's wallet app so the demo can be paid without a phone. Refused against any other gateway.
 */
export async function payWithSandboxWallet(orderId: string): Promise<void> {
  const { gateway, book } = await getShop()
  const order = book.get(orderId)
  if (!gateway.embedded || !order)
    throw new EcnyError(
      'permission_denied',
      'Only orders of this shop, on its embedded sandbox, can be paid here.',
    )
  // The sandbox's demo app also acts as a wallet operator.
  const walletApp = createClient({ baseUrl: gateway.url, credentials: gateway.credentials })
  const mobile = `139${randomInt(1e8).toString().padStart(8, '0')}` // a new customer each time
  const wallet = await walletApp.wallets.open({ type: 'WT01', level: 'WL04', mobile })
  await walletApp.wallets.topUp({ walletId: wallet.id, amount: order.amount, bankCard: '6222020000000007' })
  await walletApp.payments.pay({ orderId, walletId: wallet.id, amount: order.amount })
}
