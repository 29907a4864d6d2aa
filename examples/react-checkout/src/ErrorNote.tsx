import { EcnyError, formatYuan } from '@ecny/sdk-core'
import { useLanguage } from './language.js'

const yuan = (fen: unknown) => (typeof fen === 'number' ? `¥${formatYuan(fen, { grouping: true })}` : '?')

/** One clear message per error code the user can act on; the SDK's short message otherwise. */
export function ErrorNote({ error }: { error: Error }) {
  const { t } = useLanguage()
  if (!(error instanceof EcnyError)) {
    return (
      <div className="notice error" role="alert" data-testid="error" data-code="unknown">
        <strong>{t.somethingWrong}</strong>
        {error.message}
      </div>
    )
  }
  let title: string
  let body: string = error.shortMessage
  switch (error.code) {
    case 'limit_exceeded': {
      const { cap, limit, headroom, level, capsSetBy } = error.details
      // A corporate sub-wallet's caps are set by its company: no level to name or upgrade.
      const byCompany = capsSetBy === 'parent'
      const wallet = byCompany
        ? t.companySubWallet
        : typeof level === 'string'
          ? t.levelWallet(level)
          : t.thisWallet
      title = t.overCap(t.capNames[String(cap)] ?? t.limits)
      body =
        cap === 'single'
          ? t.singleCapBody(wallet, yuan(limit), byCompany)
          : cap === 'balance'
            ? t.balanceCapBody(wallet, yuan(limit), yuan(headroom))
            : t.periodCapBody(wallet, yuan(limit), cap === 'daily', yuan(headroom))
      break
    }
    case 'insufficient_funds':
      title = t.insufficientFunds
      break
    case 'token_expired':
    case 'authentication_failed':
      title = t.sessionExpired
      body = t.reload
      break
    case 'permission_denied':
      title = t.notAllowed
      break
    case 'invalid_request':
      title = t.checkForm
      break
    default:
      title = t.refused
  }
  return (
    <div className="notice error" role="alert" data-testid="error" data-code={error.code}>
      <strong>{title}</strong>
      {body}
      <div className="muted">
        {t.errorCode} <code>{error.code}</code>
        {error.requestId ? (
          <>
            {' '}
            · {t.request} <code>{error.requestId}</code>
          </>
        ) : null}
      </div>
    </div>
  )
}
