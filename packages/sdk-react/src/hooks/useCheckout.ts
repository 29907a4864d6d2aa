'use client'
import {
  type EcnyBaseClient,
  type EcnyError,
  formatYuan,
  type GetOrderReturnType,
  getOrderQueryOptions,
  type InvalidRequestError,
} from '@ecny/sdk-core'
import {
  checkoutAmountInvalid,
  checkoutAmountMismatch,
  checkoutNoOrder,
  errorFrom,
} from '@ecny/sdk-core/internal'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { createTokenClient } from '../createTokenClient.js'
import { useEcnyContext } from '../useEcnyClient.js'
import { useEcnyQuery } from './queryParameter.js'

/** What your backend returns after creating a QR order (e.g. with `@ecny/sdk-merchant`'s `orders.create`). */
export type CheckoutOrder = {
  orderId: string
  /** The order's `qrPayload`: what the QR code shows. */
  qrPayload: string
  /** In fen: must equal the amount the page asked for. */
  amount: number
  expiresAt: string
  /** A client token scoped to this order (`createClientToken({ scope: { type: 'order', id } })`). */
  clientToken?: string | undefined
}

export type UseCheckoutParameters = {
  /** In fen. `undefined`/`null`: nothing to pay yet (`idle`). A change abandons the current order. */
  amount: number | null | undefined
  /** Calls your backend, which creates the order for exactly `amount` and returns it. */
  createOrder: (request: { amount: number; signal: AbortSignal }) => Promise<CheckoutOrder>
  /** Called with an order this page stopped following (the amount changed, or `retry()`); close it on your backend. */
  onAbandon?: (order: CheckoutOrder) => void
  /** How often to ask whether the order was paid. Default 2 000 ms. */
  pollIntervalMs?: number
}

export type CheckoutState =
  | { status: 'idle' }
  | { status: 'creating'; amount: number }
  | { status: 'awaiting_payment'; amount: number; order: CheckoutOrder }
  | { status: 'succeeded'; amount: number; order: CheckoutOrder; result: GetOrderReturnType }
  /** Failed, cancelled or closed by the merchant: `reason` is the gateway's failure code or the status. */
  | { status: 'failed'; amount: number; order: CheckoutOrder; result: GetOrderReturnType; reason: string }
  | { status: 'expired'; amount: number; order: CheckoutOrder; result: GetOrderReturnType }
  /** `error` is an `EcnyError` from the SDK, or whatever your `createOrder` threw. */
  | { status: 'error'; amount: number | undefined; order?: CheckoutOrder | undefined; error: Error }

export type UseCheckoutReturnType = CheckoutState & {
  /** Starts over with a new order for the same amount (not after success). */
  retry: () => void
}

type Attempt = { key: string; amount: number; controller: AbortController; order?: CheckoutOrder }
type Session =
  | { attempt: Attempt; phase: 'creating' }
  | { attempt: Attempt; phase: 'created'; order: CheckoutOrder }
  | { attempt: Attempt; phase: 'error'; error: Error; order?: CheckoutOrder }

const yuan = (fen: number) => `¥${formatYuan(fen)}`

function invalidAmount(amount: number): InvalidRequestError {
  return errorFrom(
    checkoutAmountInvalid,
    { amount },
    { details: { issues: [{ path: 'amount', message: 'must be a positive integer (fen)' }] } },
  ) as InvalidRequestError
}

/** The backend's answer must be an order for exactly the amount asked for; anything else is never paid for. */
function checkOrder(order: CheckoutOrder, amount: number): EcnyError | undefined {
  if (typeof order?.orderId !== 'string' || typeof order.qrPayload !== 'string' || order.qrPayload === '')
    return errorFrom(checkoutNoOrder, {})
  if (order.amount !== amount) return amountMismatch(order.orderId, amount, order.amount)
  return undefined
}

function amountMismatch(orderId: string, asked: number, got: unknown): EcnyError {
  const received = typeof got === 'number' ? yuan(got) : String(got)
  return errorFrom(
    checkoutAmountMismatch,
    { orderId, received, asked: formatYuan(asked) },
    { details: { orderId, expected: asked, received: got } },
  )
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
}

/** The checkout state an order's gateway status means, or `undefined` while it is still payable. */
function settle(order: CheckoutOrder, amount: number, result: GetOrderReturnType): CheckoutState | undefined {
  if (result.amount !== amount) {
    return { status: 'error', amount, order, error: amountMismatch(order.orderId, amount, result.amount) }
  }
  switch (result.status) {
    case 'succeeded':
    case 'partially_refunded':
      return { status: 'succeeded', amount, order, result }
    case 'closed':
      return result.failureCode === 'order_expired'
        ? { status: 'expired', amount, order, result }
        : { status: 'failed', amount, order, result, reason: result.failureCode ?? 'closed' }
    case 'failed':
    case 'canceled':
    case 'refunded':
      return { status: 'failed', amount, order, result, reason: result.failureCode ?? result.status }
    default:
      return undefined
  }
}

/**
 * The whole QR checkout: asks your backend to create an order for `amount`, shows its QR, follows
 * it to success, failure or expiry. An order is bound to its amount: when `amount` changes the old
 * order is abandoned (never reported as paid) and a new one is created.
 * Docs: https://ecny-sdk.dev/docs/react#usecheckout
 */
export function useCheckout({
  amount,
  createOrder,
  onAbandon,
  pollIntervalMs,
}: UseCheckoutParameters): UseCheckoutReturnType {
  const { client, scopeKey, localeConfig, localise } = useEcnyContext()
  const callbacks = useRef({ createOrder, onAbandon })
  callbacks.current = { createOrder, onAbandon }
  const [retries, setRetries] = useState(0)
  const [session, setSession] = useState<Session>()
  const current = useRef<Attempt | undefined>(undefined)
  const key = amount === undefined || amount === null ? undefined : `${amount}#${retries}`

  useEffect(() => {
    if (current.current?.key === key) return // the same attempt (e.g. StrictMode's second run)
    const previous = current.current
    if (previous) {
      previous.controller.abort()
      if (previous.order) callbacks.current.onAbandon?.(previous.order)
    }
    if (key === undefined || amount === undefined || amount === null) {
      current.current = undefined
      return
    }
    const attempt: Attempt = { key, amount, controller: new AbortController() }
    current.current = attempt
    if (!Number.isSafeInteger(amount) || amount <= 0) {
      setSession({ attempt, phase: 'error', error: invalidAmount(amount) })
      return
    }
    setSession({ attempt, phase: 'creating' })
    Promise.resolve()
      .then(() => callbacks.current.createOrder({ amount, signal: attempt.controller.signal }))
      .then(
        (order) => {
          attempt.order = order
          if (current.current !== attempt) {
            callbacks.current.onAbandon?.(order) // created after the page moved on
            return
          }
          const problem = checkOrder(order, amount)
          setSession(
            problem
              ? { attempt, phase: 'error', error: problem, order }
              : { attempt, phase: 'created', order },
          )
        },
        (error: unknown) => {
          if (current.current === attempt) setSession({ attempt, phase: 'error', error: toError(error) })
        },
      )
  }, [key, amount])

  const live =
    session && session.attempt.key === key && session.attempt.amount === amount ? session : undefined
  const order = live?.phase === 'created' ? live.order : undefined
  const orderToken = order?.clientToken
  const orderClient = useMemo<EcnyBaseClient>(
    () => (orderToken ? createTokenClient(client.baseUrl, () => orderToken, localeConfig) : client),
    [client, orderToken, localeConfig],
  )
  const { data: result, error: readError } = useEcnyQuery(
    getOrderQueryOptions(orderClient, { orderId: order?.orderId, scopeKey, pollIntervalMs }),
    { enabled: order !== undefined },
  )

  let state: CheckoutState
  if (key === undefined || amount === undefined || amount === null) state = { status: 'idle' }
  else if (!live || live.phase === 'creating') state = { status: 'creating', amount }
  else if (live.phase === 'error') state = { status: 'error', amount, order: live.order, error: live.error }
  else {
    const settled =
      result && result.id === live.order.orderId ? settle(live.order, amount, result) : undefined
    if (settled) state = settled
    else if (readError && !readError.retryable)
      state = { status: 'error', amount, order: live.order, error: readError }
    else state = { status: 'awaiting_payment', amount, order: live.order }
  }

  // The page's own refusals (amount, order) in the provider's locale, like the SDK's.
  if (state.status === 'error') localise(state.error)

  const status = useRef(state.status)
  status.current = state.status
  const retry = useCallback(() => {
    if (status.current !== 'succeeded' && status.current !== 'idle') setRetries((n) => n + 1)
  }, [])
  return { ...state, retry }
}
