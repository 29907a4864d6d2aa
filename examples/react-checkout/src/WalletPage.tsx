import { type CreateTransferReturnType, EcnyError, formatYuan, maskWalletId, parseYuan } from '@ecny/sdk-core'
import {
  EcnyProvider,
  useBalance,
  useCreateTransfer,
  useEligibleCampaigns,
  useWalletLimits,
} from '@ecny/sdk-react'
import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { ErrorNote } from './ErrorNote.js'
import { gatewayUrl } from './gateway.js'

const yuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? 'no cap' : `¥${formatYuan(fen, { grouping: true })}`

type Me = { walletId: string; friendWalletId: string }

/** A token scoped to the signed-in user's wallet, minted by the wallet backend (never a private key). */
async function fetchWalletToken(): Promise<{ token: string; expiresAt: string }> {
  const response = await fetch('/wallet-api/token', { method: 'POST' })
  if (!response.ok) throw new Error(`Could not get a wallet token (HTTP ${response.status}).`)
  return (await response.json()) as { token: string; expiresAt: string }
}

function Balance({ walletId }: { walletId: string }) {
  const balance = useBalance({ walletId })
  return (
    <section className="card">
      <h2>Balance</h2>
      {balance.isPending && <p className="muted">Loading…</p>}
      {balance.isError && <ErrorNote error={balance.error} />}
      {balance.data && (
        <p className="amount" data-testid="balance" data-fen={balance.data.available}>
          {yuan(balance.data.available)}
        </p>
      )}
      <p className="muted">
        Wallet <code>{maskWalletId(walletId)}</code>
      </p>
    </section>
  )
}

function Limits({ walletId }: { walletId: string }) {
  const limits = useWalletLimits({ walletId })
  if (limits.isError) return <ErrorNote error={limits.error} />
  const data = limits.data
  return (
    <section className="card">
      <h2>Limits {data && <span className="status">{data.level}</span>}</h2>
      {data ? (
        <table data-testid="limits">
          <tbody>
            <tr>
              <th>Per payment</th>
              <td data-testid="cap-single">{yuan(data.caps.single)}</td>
            </tr>
            <tr>
              <th>Per day</th>
              <td>
                {yuan(data.caps.daily)} <span className="muted">({yuan(data.used.today)} used today)</span>
              </td>
            </tr>
            <tr>
              <th>Per year</th>
              <td>
                {yuan(data.caps.annual)}{' '}
                <span className="muted">({yuan(data.used.thisYear)} used this year)</span>
              </td>
            </tr>
            <tr>
              <th>Balance cap</th>
              <td>{yuan(data.caps.balance)}</td>
            </tr>
          </tbody>
        </table>
      ) : (
        <p className="muted">Loading…</p>
      )}
    </section>
  )
}

function TransferResult({ transfer }: { transfer: CreateTransferReturnType }) {
  const reward = transfer.reward
  return (
    <div
      className="notice success"
      data-testid="transfer-result"
      data-reward={reward?.granted ? reward.amount : 0}
    >
      <strong>Sent {yuan(transfer.amount)}</strong>
      {reward?.granted
        ? `You earned a reward of ${yuan(reward.amount ?? 0)}${reward.points ? ` and ${reward.points} points` : ''}.`
        : reward
          ? `No reward this time (${reward.reason ?? 'not eligible'}).`
          : 'No campaign applied.'}
    </div>
  )
}

function Transfer({ walletId, friendWalletId }: Me) {
  const [text, setText] = useState('10.00')
  const [inputError, setInputError] = useState<Error | undefined>(undefined)
  const campaigns = useEligibleCampaigns({ walletId })
  const offer = campaigns.data?.find((campaign) => campaign.type === 'transfer_reward')
  const transfer = useCreateTransfer()

  function submit(event: FormEvent) {
    event.preventDefault()
    transfer.reset()
    let amount: number
    try {
      amount = parseYuan(text)
      if (amount <= 0) throw new EcnyError('invalid_request', 'Enter an amount above zero.')
    } catch (error) {
      setInputError(error as Error)
      return
    }
    setInputError(undefined)
    // Caps and balance are pre-checked by the SDK: over a cap, nothing is sent (limit_exceeded).
    transfer.mutate({
      fromWalletId: walletId,
      toWalletId: friendWalletId,
      amount,
      memo: 'Dinner',
      ...(offer && { campaignId: offer.id }),
    })
  }

  return (
    <section className="card">
      <h2>Send money</h2>
      {offer && (
        <p data-testid="reward-offer">
          {offer.name ?? 'Transfer reward'}: get {yuan(offer.amount)} back on a transfer
          {offer.endsAt ? ` (until ${new Date(offer.endsAt).toLocaleDateString()})` : ''}.
        </p>
      )}
      <form className="row" onSubmit={submit}>
        <label>
          To
          <input value={maskWalletId(friendWalletId)} readOnly style={{ width: 180 }} />
        </label>
        <label>
          Amount (yuan)
          <input
            name="transfer-amount"
            inputMode="decimal"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <button type="submit" disabled={transfer.isPending} style={{ alignSelf: 'flex-end' }}>
          {transfer.isPending ? 'Sending…' : 'Send'}
        </button>
      </form>
      {inputError && <ErrorNote error={inputError} />}
      {transfer.isError && <ErrorNote error={transfer.error} />}
      {transfer.data && <TransferResult transfer={transfer.data} />}
    </section>
  )
}

/** The wallet page: balance, limits, and a transfer that earns a campaign reward. */
export function WalletPage() {
  const me = useQuery({
    queryKey: ['wallet-backend', 'me'],
    queryFn: async (): Promise<Me> => {
      const response = await fetch('/wallet-api/me')
      if (!response.ok) throw new Error(`Could not load your wallet (HTTP ${response.status}).`)
      return (await response.json()) as Me
    },
  })
  if (me.isError) return <ErrorNote error={me.error} />
  if (!me.data) return <p className="muted">Loading your wallet…</p>
  const { walletId, friendWalletId } = me.data
  return (
    <EcnyProvider baseUrl={gatewayUrl} clientToken={fetchWalletToken} scopeKey={walletId}>
      <div className="row" style={{ alignItems: 'stretch' }}>
        <div style={{ flex: 1 }}>
          <Balance walletId={walletId} />
        </div>
        <div style={{ flex: 2 }}>
          <Limits walletId={walletId} />
        </div>
      </div>
      <Transfer walletId={walletId} friendWalletId={friendWalletId} />
    </EcnyProvider>
  )
}
