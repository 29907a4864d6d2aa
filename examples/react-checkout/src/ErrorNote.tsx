import { EcnyError, formatYuan } from '@ecny/sdk-core'

const capNames: Record<string, string> = {
  single: 'single-payment limit',
  daily: 'daily limit',
  annual: 'annual limit',
  balance: 'balance limit',
}

const yuan = (fen: unknown) => (typeof fen === 'number' ? `¥${formatYuan(fen, { grouping: true })}` : '?')

/** One clear message per error code the user can act on; the SDK's short message otherwise. */
export function ErrorNote({ error }: { error: Error }) {
  if (!(error instanceof EcnyError)) {
    return (
      <div className="notice error" role="alert" data-testid="error" data-code="unknown">
        <strong>Something went wrong</strong>
        {error.message}
      </div>
    )
  }
  let title: string
  let body: string = error.shortMessage
  switch (error.code) {
    case 'limit_exceeded': {
      const { cap, limit, headroom, level } = error.details
      const wallet = typeof level === 'string' ? `A ${level} wallet` : 'This wallet'
      title = `Over your wallet's ${capNames[String(cap)] ?? 'limit'}`
      body =
        cap === 'single'
          ? `${wallet} may pay at most ${yuan(limit)} in one payment. Pay less, or upgrade the wallet.`
          : cap === 'balance'
            ? `${wallet} may hold at most ${yuan(limit)}; it can take ${yuan(headroom)} more.`
            : `${wallet} may pay ${yuan(limit)} per ${cap === 'daily' ? 'day' : 'year'}; ${yuan(headroom)} is left.`
      break
    }
    case 'insufficient_funds':
      title = 'Not enough balance'
      break
    case 'token_expired':
    case 'authentication_failed':
      title = 'Your session expired'
      body = 'Reload the page.'
      break
    case 'permission_denied':
      title = 'Not allowed for this wallet'
      break
    case 'invalid_request':
      title = 'Please check the form'
      break
    default:
      title = 'The payment service refused the request'
  }
  return (
    <div className="notice error" role="alert" data-testid="error" data-code={error.code}>
      <strong>{title}</strong>
      {body}
      <div className="muted">
        Error code <code>{error.code}</code>
        {error.requestId ? (
          <>
            {' '}
            · request <code>{error.requestId}</code>
          </>
        ) : null}
      </div>
    </div>
  )
}
