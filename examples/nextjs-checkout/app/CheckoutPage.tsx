'use client'

import { EcnyError, parseYuan } from '@ecny/sdk-core'
import { type CheckoutOrder, EcnyProvider, formatAmount, PaymentQRCode, useCheckout } from '@ecny/sdk-react'
import { type FormEvent, useEffect, useState } from 'react'
import { closeCheckout, createCheckout, payWithSandboxWallet } from './actions'
import { type Copy, copy, type Language } from './copy'

/** `useCheckout`'s `createOrder`: the server action creates the order and its client token. */
const createOrder = ({ amount }: { amount: number }): Promise<CheckoutOrder> => createCheckout(amount)

type CheckoutProps = { amount: number; sandboxWallet: boolean; language: Language; onNewOrder: () => void }

function SandboxWalletButton({ orderId, t }: { orderId: string; t: Copy }) {
  const [state, setState] = useState<'idle' | 'paying' | 'failed'>('idle')
  const pay = () => {
    setState('paying')
    payWithSandboxWallet(orderId).catch(() => setState('failed'))
  }
  return (
    <p>
      <button type="button" onClick={pay} disabled={state === 'paying'}>
        {t.sandboxPay}
      </button>{' '}
      {state === 'failed' && <span role="alert">{t.sandboxFailed}</span>}
    </p>
  )
}

function Checkout({ amount, sandboxWallet, language, onNewOrder }: CheckoutProps) {
  const t = copy[language]
  const checkout = useCheckout({
    amount,
    createOrder,
    onAbandon: (order) => void closeCheckout(order.orderId),
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
            {t.scan(checkout.order.orderId, new Date(checkout.order.expiresAt).toLocaleTimeString(language))}
          </p>
          {sandboxWallet && <SandboxWalletButton orderId={checkout.order.orderId} t={t} />}
        </div>
      )}
      {checkout.status === 'succeeded' && (
        <div className="notice success" data-testid="receipt">
          <strong>{t.thanks}</strong>{' '}
          {t.paidFor(formatAmount(checkout.result.amount, language), checkout.result.merchantOrderNo)}
          <p>
            <button type="button" onClick={onNewOrder}>
              {t.newOrder}
            </button>
          </p>
        </div>
      )}
      {(checkout.status === 'failed' || checkout.status === 'expired') && (
        <div className="notice error" role="alert">
          <strong>{checkout.status === 'expired' ? t.expired : t.failed(checkout.reason)}</strong>{' '}
          <button type="button" onClick={checkout.retry}>
            {t.tryAgain}
          </button>
        </div>
      )}
      {checkout.status === 'error' && (
        <div className="notice error" role="alert" data-testid="error">
          {checkout.error.message}{' '}
          <button type="button" onClick={checkout.retry}>
            {t.tryAgain}
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
  language,
}: {
  gatewayPath: string
  sandboxWallet: boolean
  language: Language
}) {
  const t = copy[language]
  useEffect(() => {
    document.documentElement.lang = language
  }, [language])
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
      if (fen <= 0) throw new EcnyError('invalid_request', t.amountAboveZero)
      setInputError(undefined)
      setAmount(fen)
    } catch (error) {
      setInputError((error as Error).message)
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
          language={language}
          onNewOrder={() => {
            setAmount(undefined)
            setRound((n) => n + 1)
          }}
        />
      )}
    </EcnyProvider>
  )
}
