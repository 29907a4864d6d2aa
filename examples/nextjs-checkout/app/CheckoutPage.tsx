'use client'

import { EcnyError, formatYuan, parseYuan } from '@ecny/sdk-core'
import { type CheckoutOrder, EcnyProvider, PaymentQRCode, useCheckout } from '@ecny/sdk-react'
import { type FormEvent, useState } from 'react'
import { closeCheckout, createCheckout, payWithSandboxWallet } from './actions'

const yuan = (fen: number) => `¥${formatYuan(fen, { grouping: true })}`

/** `useCheckout`'s `createOrder`: the server action creates the order and its client token. */
const createOrder = ({ amount }: { amount: number }): Promise<CheckoutOrder> => createCheckout(amount)

type CheckoutProps = { amount: number; sandboxWallet: boolean; onNewOrder: () => void }

function SandboxWalletButton({ orderId }: { orderId: string }) {
  const [state, setState] = useState<'idle' | 'paying' | 'failed'>('idle')
  const pay = () => {
    setState('paying')
    payWithSandboxWallet(orderId).catch(() => setState('failed'))
  }
  return (
    <p>
      <button type="button" onClick={pay} disabled={state === 'paying'}>
        Pay with a sandbox wallet
      </button>{' '}
      {state === 'failed' && <span role="alert">The sandbox wallet could not pay.</span>}
    </p>
  )
}

function Checkout({ amount, sandboxWallet, onNewOrder }: CheckoutProps) {
  const checkout = useCheckout({
    amount,
    createOrder,
    onAbandon: (order) => void closeCheckout(order.orderId),
    pollIntervalMs: 1_000,
  })
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
            Order <code>{checkout.order.orderId}</code>: scan with an e-CNY wallet app. The code expires at{' '}
            {new Date(checkout.order.expiresAt).toLocaleTimeString()}.
          </p>
          {sandboxWallet && <SandboxWalletButton orderId={checkout.order.orderId} />}
        </div>
      )}
      {checkout.status === 'succeeded' && (
        <div className="notice success" data-testid="receipt">
          <strong>Payment received — thank you!</strong> Paid {yuan(checkout.result.amount)} for order{' '}
          <code>{checkout.result.merchantOrderNo}</code>.
          <p>
            <button type="button" onClick={onNewOrder}>
              New order
            </button>
          </p>
        </div>
      )}
      {(checkout.status === 'failed' || checkout.status === 'expired') && (
        <div className="notice error" role="alert">
          <strong>
            {checkout.status === 'expired'
              ? 'The code expired before it was paid.'
              : `The payment did not go through (${checkout.reason}).`}
          </strong>{' '}
          <button type="button" onClick={checkout.retry}>
            Try again
          </button>
        </div>
      )}
      {checkout.status === 'error' && (
        <div className="notice error" role="alert" data-testid="error">
          {checkout.error.message}{' '}
          <button type="button" onClick={checkout.retry}>
            Try again
          </button>
        </div>
      )}
    </section>
  )
}

/**
 * The client side of the checkout: pick an amount, show the QR of the order the server action
 * created, follow it to paid. The provider talks to the gateway through `gatewayPath` on this origin
 * and holds no token of its own: `useCheckout` uses the order-scoped one. `sandboxWallet`: offer to
 * pay from a sandbox wallet (the embedded sandbox only).
 */
export function CheckoutPage({
  gatewayPath,
  sandboxWallet,
}: {
  gatewayPath: string
  sandboxWallet: boolean
}) {
  const [text, setText] = useState('12.50')
  const [amount, setAmount] = useState<number | undefined>(undefined)
  const [inputError, setInputError] = useState<string | undefined>(undefined)
  const [round, setRound] = useState(0)
  // An absolute URL on this origin; on the server (first render) nothing is fetched, so any origin does.
  const origin = typeof window === 'undefined' ? 'http://localhost' : window.location.origin
  const gatewayUrl = new URL(gatewayPath, origin).href

  function submit(event: FormEvent) {
    event.preventDefault()
    try {
      const fen = parseYuan(text)
      if (fen <= 0) throw new EcnyError('invalid_request', 'Enter an amount above zero.')
      setInputError(undefined)
      setAmount(fen)
    } catch (error) {
      setInputError((error as Error).message)
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
        {inputError && (
          <p className="notice error" role="alert">
            {inputError}
          </p>
        )}
      </section>
      {amount !== undefined && (
        <Checkout
          key={round}
          amount={amount}
          sandboxWallet={sandboxWallet}
          onNewOrder={() => {
            setAmount(undefined)
            setRound((n) => n + 1)
          }}
        />
      )}
    </EcnyProvider>
  )
}
