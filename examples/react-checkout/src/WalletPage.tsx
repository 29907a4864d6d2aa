import { type CreateTransferReturnType, EcnyError, formatYuan, maskWalletId, parseYuan } from '@ecny/sdk-core'
import {
  EcnyProvider,
  formatAmount,
  useBalance,
  useCreateTransfer,
  useEligibleCampaigns,
  useWalletLimits,
} from '@ecny/sdk-react'
import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { ErrorNote } from './ErrorNote.js'
import { gatewayUrl } from './gateway.js'
import { useLanguage } from './language.js'

const yuan = (fen: number) => `¥${formatYuan(fen, { grouping: true })}`

type Me = { walletId: string; friendWalletId: string }

/** A token scoped to the signed-in user's wallet, minted by the wallet backend (never a private key). */
async function fetchWalletToken(): Promise<{ token: string; expiresAt: string }> {
  const response = await fetch('/wallet-api/token', { method: 'POST' })
  if (!response.ok) throw new Error(`Could not get a wallet token (HTTP ${response.status}).`)
  return (await response.json()) as { token: string; expiresAt: string }
}

function Balance({ walletId }: { walletId: string }) {
  const { t } = useLanguage()
  const balance = useBalance({ walletId })
  return (
    <section className="card">
      <h2>{t.balance}</h2>
      {balance.isPending && <p className="muted">{t.loading}</p>}
      {balance.isError && <ErrorNote error={balance.error} />}
      {balance.data && (
        <p className="amount" data-testid="balance" data-fen={balance.data.available}>
          {yuan(balance.data.available)}
        </p>
      )}
      <p className="muted">
        {t.wallet} <code>{maskWalletId(walletId)}</code>
      </p>
    </section>
  )
}

function Limits({ walletId }: { walletId: string }) {
  const { t } = useLanguage()
  const limits = useWalletLimits({ walletId })
  if (limits.isError) return <ErrorNote error={limits.error} />
  const data = limits.data
  const cap = (fen: number | null) => (fen === null ? t.noCap : yuan(fen))
  return (
    <section className="card">
      <h2>
        {t.limits} {data && <span className="status">{data.level}</span>}
      </h2>
      {data ? (
        <table data-testid="limits">
          <tbody>
            <tr>
              <th>{t.perPayment}</th>
              <td data-testid="cap-single">{cap(data.caps.single)}</td>
            </tr>
            <tr>
              <th>{t.perDay}</th>
              <td>
                {cap(data.caps.daily)} <span className="muted">({t.usedToday(yuan(data.used.today))})</span>
              </td>
            </tr>
            <tr>
              <th>{t.perYear}</th>
              <td>
                {cap(data.caps.annual)}{' '}
                <span className="muted">({t.usedThisYear(yuan(data.used.thisYear))})</span>
              </td>
            </tr>
            <tr>
              <th>{t.balanceCap}</th>
              <td>{cap(data.caps.balance)}</td>
            </tr>
          </tbody>
        </table>
      ) : (
        <p className="muted">{t.loading}</p>
      )}
    </section>
  )
}

function TransferResult({ transfer }: { transfer: CreateTransferReturnType }) {
  const { language, t } = useLanguage()
  const reward = transfer.reward
  return (
    <div
      className="notice success"
      data-testid="transfer-result"
      data-reward={reward?.granted ? reward.amount : 0}
    >
      <strong>{t.sent(formatAmount(transfer.amount, language))}</strong>{' '}
      {reward?.granted
        ? t.rewardEarned(formatAmount(reward.amount ?? 0, language), reward.points ?? 0)
        : reward
          ? t.noReward(reward.reason ?? t.notEligible)
          : t.noCampaign}
    </div>
  )
}

function Transfer({ walletId, friendWalletId }: Me) {
  const { language, t } = useLanguage()
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
      if (amount <= 0) throw new EcnyError('invalid_request', t.amountAboveZero)
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
      memo: t.memo,
      ...(offer && { campaignId: offer.id }),
    })
  }

  return (
    <section className="card">
      <h2>{t.sendMoney}</h2>
      {offer && (
        <p data-testid="reward-offer">
          {t.offer(
            offer.name ?? t.transferReward,
            formatAmount(offer.amount ?? 0, language),
            offer.endsAt ? new Date(offer.endsAt).toLocaleDateString(language) : '',
          )}
        </p>
      )}
      <form className="row" onSubmit={submit}>
        <label>
          {t.to}
          <input value={maskWalletId(friendWalletId)} readOnly style={{ width: 180 }} />
        </label>
        <label>
          {t.amountLabel}
          <input
            name="transfer-amount"
            inputMode="decimal"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <button type="submit" disabled={transfer.isPending} style={{ alignSelf: 'flex-end' }}>
          {transfer.isPending ? t.sending : t.send}
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
  const { language, t } = useLanguage()
  const me = useQuery({
    queryKey: ['wallet-backend', 'me'],
    queryFn: async (): Promise<Me> => {
      const response = await fetch('/wallet-api/me')
      if (!response.ok) throw new Error(`Could not load your wallet (HTTP ${response.status}).`)
      return (await response.json()) as Me
    },
  })
  if (me.isError) return <ErrorNote error={me.error} />
  if (!me.data) return <p className="muted">{t.loadingWallet}</p>
  const { walletId, friendWalletId } = me.data
  return (
    <EcnyProvider baseUrl={gatewayUrl} clientToken={fetchWalletToken} scopeKey={walletId} locale={language}>
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
