import { EcnyError, formatYuan, parseYuan } from '@ecny/sdk-core'
import { type CheckoutOrder, EcnyProvider, PaymentQRCode, useCheckout } from '@ecny/sdk-react'
import { type FormEvent, useState } from 'react'
import { ErrorNote } from './ErrorNote.js'
import { gatewayUrl } from './gateway.js'

const yuan = (fen: number) => `¥${formatYuan(fen, { grouping: true })}`

/** Asks the shop backend (examples/merchant-server) to create the order and an order-scoped token. */
async function createOrder({
  amount,
  signal,
}: {
  amount: number
  signal: AbortSignal
}): Promise<CheckoutOrder> {
  const response = await fetch('/api/checkout', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ amount, description: 'Example shop order' }),
    signal,
  })
  if (!response.ok) throw new Error(`The shop could not create the order (HTTP ${response.status}).`)
  return (await response.json()) as CheckoutOrder
}

/** Closes an order this page stopped following, so its code can no longer be paid. */
function closeOrder(order: CheckoutOrder) {
  void fetch(`/api/checkout/${encodeURIComponent(order.orderId)}/close`, { method: 'POST' })
}

function Checkout({ amount, onNewOrder }: { amount: number; onNewOrder: () => void }) {
  const checkout = useCheckout({ amount, createOrder, onAbandon: closeOrder, pollIntervalMs: 1_000 })
  return (
    <section className="card" aria-live="polite">
      <div className="row">
        <h2 style={{ margin: 0 }}>Pay {yuan(amount)}</h2>
        <span
          className={`status ${checkout.status}`}
          data-testid="checkout-status"
          data-status={checkout.status}
        >
          {checkout.status.replace('_', ' ')}
        </span>
      </div>
      {checkout.status === 'creating' && <p className="muted">Creating your order…</p>}
      {checkout.status === 'awaiting_payment' && (
        <div
          data-testid="payment-qr"
          data-order-id={checkout.order.orderId}
          data-payload={checkout.order.qrPayload}
        >
          <PaymentQRCode payload={checkout.order.qrPayload} amount={checkout.amount} size={220} caption />
          <p className="muted">
            Waiting for payment. The code expires at {new Date(checkout.order.expiresAt).toLocaleTimeString()}
            .
          </p>
        </div>
      )}
      {checkout.status === 'succeeded' && (
        <div className="notice success" data-testid="receipt">
          <strong>Payment received — thank you!</strong>
          Paid {yuan(checkout.result.amount)} for order <code>{checkout.result.merchantOrderNo}</code>
          {checkout.result.paidAt ? ` at ${new Date(checkout.result.paidAt).toLocaleTimeString()}` : ''}.
          <div className="row" style={{ marginTop: 12 }}>
            <button type="button" className="secondary" onClick={onNewOrder}>
              New order
            </button>
          </div>
        </div>
      )}
      {checkout.status === 'failed' && (
        <div className="notice error" role="alert">
          <strong>The payment did not go through ({checkout.reason}).</strong>
          <button type="button" onClick={checkout.retry}>
            Try again
          </button>
        </div>
      )}
      {checkout.status === 'expired' && (
        <div className="notice error" role="alert">
          <strong>The code expired before it was paid.</strong>
          <button type="button" onClick={checkout.retry}>
            New code
          </button>
        </div>
      )}
      {checkout.status === 'error' && (
        <>
          <ErrorNote error={checkout.error} />
          <p>
            <button type="button" onClick={checkout.retry}>
              Try again
            </button>
          </p>
        </>
      )}
    </section>
  )
}

/**
 * The checkout: pick an amount, show the QR of an order the shop backend created, follow it to
 * success. `useCheckout` reads the order with the order-scoped token the backend returned, so this
 * provider needs no token of its own.
 */
export function CheckoutPage() {
  const [text, setText] = useState('12.50')
  const [amount, setAmount] = useState<number | undefined>(undefined)
  const [inputError, setInputError] = useState<Error | undefined>(undefined)
  const [round, setRound] = useState(0)

  function submit(event: FormEvent) {
    event.preventDefault()
    try {
      const fen = parseYuan(text)
      if (fen <= 0) throw new EcnyError('invalid_request', 'Enter an amount above zero.')
      setInputError(undefined)
      setAmount(fen)
    } catch (error) {
      setInputError(error as Error)
    }
  }

  return (
    <EcnyProvider baseUrl={gatewayUrl}>
      <section className="card">
        <h2>Your basket</h2>
        <form className="row" onSubmit={submit}>
          <label>
            Amount (yuan)
            <input
              name="amount"
              inputMode="decimal"
              value={text}
              onChange={(event) => setText(event.target.value)}
              disabled={amount !== undefined}
            />
          </label>
          <button type="submit" disabled={amount !== undefined} style={{ alignSelf: 'flex-end' }}>
            Pay with e-CNY
          </button>
        </form>
        {inputError && <ErrorNote error={inputError} />}
      </section>
      {amount !== undefined && (
        <Checkout
          key={round}
          amount={amount}
          onNewOrder={() => {
            setAmount(undefined)
            setRound((n) => n + 1)
          }}
        />
      )}
    </EcnyProvider>
  )
}
