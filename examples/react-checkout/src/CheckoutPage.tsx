import { EcnyError, parseYuan } from '@ecny/sdk-core'
import { type CheckoutOrder, EcnyProvider, formatAmount, PaymentQRCode, useCheckout } from '@ecny/sdk-react'
import { type FormEvent, useState } from 'react'
import { ErrorNote } from './ErrorNote.js'
import { gatewayUrl } from './gateway.js'
import { useLanguage } from './language.js'

/** Asks the shop backend (examples/merchant-server) to create the order and an order-scoped token. */
async function createOrder({
  amount,
  description,
  signal,
}: {
  amount: number
  description: string
  signal: AbortSignal
}): Promise<CheckoutOrder> {
  const response = await fetch('/api/checkout', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ amount, description }),
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
  const { language, t } = useLanguage()
  const checkout = useCheckout({
    amount,
    createOrder: ({ amount, signal }) => createOrder({ amount, signal, description: t.orderDescription }),
    onAbandon: closeOrder,
    pollIntervalMs: 1_000,
  })
  return (
    <section className="card" aria-live="polite">
      <div className="row">
        <h2 style={{ margin: 0 }}>{t.payHeading(formatAmount(amount, language))}</h2>
        <span
          className={`status ${checkout.status}`}
          data-testid="checkout-status"
          data-status={checkout.status}
        >
          {t.status[checkout.status] ?? checkout.status}
        </span>
      </div>
      {checkout.status === 'creating' && <p className="muted">{t.creating}</p>}
      {checkout.status === 'awaiting_payment' && (
        <div
          data-testid="payment-qr"
          data-order-id={checkout.order.orderId}
          data-payload={checkout.order.qrPayload}
        >
          <PaymentQRCode payload={checkout.order.qrPayload} amount={checkout.amount} size={220} caption />
          <p className="muted">
            {t.waiting(new Date(checkout.order.expiresAt).toLocaleTimeString(language))}
          </p>
        </div>
      )}
      {checkout.status === 'succeeded' && (
        <div className="notice success" data-testid="receipt">
          <strong>{t.thanks}</strong>{' '}
          {t.paidFor(formatAmount(checkout.result.amount, language), checkout.result.merchantOrderNo)}
          {checkout.result.paidAt
            ? ` · ${new Date(checkout.result.paidAt).toLocaleTimeString(language)}`
            : ''}
          <div className="row" style={{ marginTop: 12 }}>
            <button type="button" className="secondary" onClick={onNewOrder}>
              {t.newOrder}
            </button>
          </div>
        </div>
      )}
      {checkout.status === 'failed' && (
        <div className="notice error" role="alert">
          <strong>{t.failed(checkout.reason)}</strong>
          <button type="button" onClick={checkout.retry}>
            {t.tryAgain}
          </button>
        </div>
      )}
      {checkout.status === 'expired' && (
        <div className="notice error" role="alert">
          <strong>{t.expired}</strong>
          <button type="button" onClick={checkout.retry}>
            {t.newCode}
          </button>
        </div>
      )}
      {checkout.status === 'error' && (
        <>
          <ErrorNote error={checkout.error} />
          <p>
            <button type="button" onClick={checkout.retry}>
              {t.tryAgain}
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
  const { language, t } = useLanguage()
  const [text, setText] = useState('12.50')
  const [amount, setAmount] = useState<number | undefined>(undefined)
  const [inputError, setInputError] = useState<Error | undefined>(undefined)
  const [round, setRound] = useState(0)

  function submit(event: FormEvent) {
    event.preventDefault()
    try {
      const fen = parseYuan(text)
      if (fen <= 0) throw new EcnyError('invalid_request', t.amountAboveZero)
      setInputError(undefined)
      setAmount(fen)
    } catch (error) {
      setInputError(error as Error)
    }
  }

  return (
    <EcnyProvider baseUrl={gatewayUrl} locale={language}>
      <section className="card">
        <h2>{t.basket}</h2>
        <form className="row" onSubmit={submit}>
          <label>
            {t.amountLabel}
            <input
              name="amount"
              inputMode="decimal"
              value={text}
              onChange={(event) => setText(event.target.value)}
              disabled={amount !== undefined}
            />
          </label>
          <button type="submit" disabled={amount !== undefined} style={{ alignSelf: 'flex-end' }}>
            {t.payButton}
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
