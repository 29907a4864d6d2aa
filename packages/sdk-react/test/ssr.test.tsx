// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import * as sdkReact from '../src/index.js'
import { EcnyProvider, PaymentQRCode, useBalance, useCheckout } from '../src/index.js'

let created = 0

function Page() {
  const balance = useBalance({ walletId: '0099000000000001' })
  const checkout = useCheckout({
    amount: 100,
    createOrder: async () => {
      created++
      throw new Error('not on the server')
    },
  })
  return <p>{`${balance.status}/${checkout.status}`}</p>
}

describe('server rendering (no DOM)', () => {
  it('imports the package and renders PaymentQRCode to markup', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
    const html = renderToString(<PaymentQRCode payload="ecny://pay?o=ord_1" amount={1_234} caption />)
    expect(html).toContain('<svg role="img" aria-label="e-CNY payment QR code for ¥12.34"')
    expect(html).toContain('<figcaption>Scan with an e-CNY wallet to pay ¥12.34</figcaption>')
    expect(html).toMatch(/<path d="M4 4h7v1h-7z/)
  })

  it('renders hooks inside the provider without sending anything or creating an order', () => {
    const html = renderToString(
      <EcnyProvider baseUrl="https://gateway.test" clientToken="ctk_ssr">
        <Page />
      </EcnyProvider>,
    )
    expect(html).toBe('<p>pending/creating</p>')
    expect(created).toBe(0)
  })

  it('exports exactly the public surface', () => {
    expect(Object.keys(sdkReact).sort()).toMatchInlineSnapshot(`
      [
        "EcnyProvider",
        "PaymentQRCode",
        "formatAmount",
        "useBalance",
        "useCheckout",
        "useClaimReward",
        "useCreateTransfer",
        "useEcnyClient",
        "useEligibleCampaigns",
        "useOpenWallet",
        "useOrder",
        "usePayOrder",
        "usePaymentCode",
        "useWallet",
        "useWalletLimits",
      ]
    `)
  })
})
