/**
 * The dashboard page's script, plain browser JavaScript. Every value from the rails goes into the
 * page through `textContent` (never `innerHTML`), so ids and descriptions are shown as text.
 */
export const dashboardScript = `
'use strict'
const catalogue = JSON.parse(document.getElementById('catalogue').textContent)
let lang = catalogue[localStorage.getItem('ecny-dashboard-lang')] ? localStorage.getItem('ecny-dashboard-lang') : 'zh-CN'
let last = null
const t = (key) => catalogue[lang][key] ?? key
const yuan = (fen) => {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return sign + '¥' + Math.trunc(abs / 100) + '.' + String(abs % 100).padStart(2, '0')
}
function el(tag, props, ...children) {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(props ?? {})) {
    if (name === 'text') node.textContent = value == null ? '' : String(value)
    else if (name === 'onclick') node.addEventListener('click', value)
    else node.setAttribute(name, String(value))
  }
  for (const child of children) if (child != null) node.append(child)
  return node
}
function table(headers, rows) {
  if (rows.length === 0) return el('p', { class: 'none', text: t('none') })
  return el('table', {},
    el('thead', {}, el('tr', {}, ...headers.map((key) => el('th', { text: t(key) })))),
    el('tbody', {}, ...rows.map((cells) => el('tr', {}, ...cells.map((cell) =>
      cell instanceof Node ? el('td', {}, cell) : el('td', { text: cell })))))
  )
}
const badge = (status) => el('span', { class: 'badge ' + status, text: status })
function attemptsList(notification) {
  return el('ol', { class: 'attempts' }, ...notification.attempts.map((a) =>
    el('li', { class: a.ok ? 'ok' : 'failed', 'data-attempt': a.attempt,
      text: '#' + a.attempt + ' ' + a.at + ' · ' + t('answer') + ': ' +
        (a.httpStatus === null ? '—' : 'HTTP ' + a.httpStatus) + (a.ok ? ' ✓' : ' ✗ ' + (a.error ?? '')) +
        (a.forwarded ? ' (listen)' : '') })))
}
async function resend(button, id) {
  button.disabled = true
  button.textContent = t('resending')
  try {
    await fetch('/dashboard/api/notifications/' + encodeURIComponent(id) + '/resend', { method: 'POST' })
  } finally {
    await load()
  }
}
function burnDown(budget) {
  const funded = budget.funded || budget.amount || 0
  const spentShare = funded > 0 ? Math.min(100, Math.round((budget.spent / funded) * 100)) : 0
  const bar = el('div', { class: 'bar' }, el('div', { class: 'spent' }))
  bar.firstChild.style.width = spentShare + '%'
  const count = budget.count == null ? '' : ' · ' + t('count') + ' ' + budget.countUsed + '/' + budget.count
  return el('div', { class: 'burn' }, bar, el('span', {
    text: t('spent') + ' ' + yuan(budget.spent) + ' · ' + t('remaining') + ' ' + yuan(budget.remaining) +
      ' / ' + t('budget') + ' ' + yuan(funded) + count }))
}
const sections = {
  wallets: (s) => table(['id', 'type', 'level', 'status', 'balance'],
    s.wallets.map((w) => [w.id, w.type, w.level, badge(w.status), yuan(w.balance)])),
  orders: (s) => table(['id', 'merchantOrderNo', 'description', 'status', 'amount', 'paid', 'refunded'],
    s.orders.map((o) => [o.id, o.merchantOrderNo, o.description, badge(o.status), yuan(o.amount), yuan(o.paidAmount), yuan(o.refundedAmount)])),
  refunds: (s) => table(['id', 'order', 'amount', 'status', 'reason'],
    s.refunds.map((r) => [r.id, r.orderId, yuan(r.amount), badge(r.status), r.reason ?? ''])),
  transfers: (s) => table(['id', 'from', 'to', 'amount', 'memo'],
    s.transfers.map((x) => [x.id, x.fromWalletId, x.toWalletId, yuan(x.amount), x.memo ?? ''])),
  notifications: (s) => table(['id', 'type', 'status', 'url', 'attempts', ''],
    s.notifications.map((n) => {
      const button = el('button', { class: 'resend', 'data-id': n.id, text: t('resend') })
      button.addEventListener('click', () => resend(button, n.id))
      return [n.id, n.type, badge(n.status), n.url ?? '', attemptsList(n), n.url ? button : '']
    })),
  campaigns: (s) => table(['id', 'name', 'type', 'status', 'budget'],
    s.campaigns.map((c) => [c.id, c.name ?? '', c.type, badge(c.status), burnDown(c.budget)])),
  ledger: (s) => el('p', { class: s.ledger.ok ? 'ledger ok' : 'ledger broken',
    text: (s.ledger.ok ? '✓ ' + t('ledgerOk') : '✗ ' + t('ledgerBroken') + ' ' + JSON.stringify(s.ledger.negativeAccounts)) +
      ' · ' + t('total') + ' ' + s.ledger.total + ' · ' + t('entries') + ' ' + s.ledger.entryCount }),
}
function render() {
  document.documentElement.lang = lang
  document.title = t('title')
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n)
  for (const button of document.querySelectorAll('[data-lang]')) button.setAttribute('aria-pressed', String(button.dataset.lang === lang))
  if (!last) return
  document.getElementById('clock').textContent = last.clock.now
  for (const [name, build] of Object.entries(sections)) document.getElementById(name).replaceChildren(build(last))
}
let loading = false
async function load() {
  if (loading) return
  loading = true
  try {
    const response = await fetch('/dashboard/api/state', { cache: 'no-store' })
    if (!response.ok) throw new Error('HTTP ' + response.status)
    last = await response.json()
    document.getElementById('status').textContent = t('live')
    document.getElementById('status').dataset.i18n = 'live'
    render()
  } catch {
    document.getElementById('status').textContent = t('offline')
    document.getElementById('status').dataset.i18n = 'offline'
  } finally {
    loading = false
  }
}
for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => {
    lang = button.dataset.lang
    localStorage.setItem('ecny-dashboard-lang', lang)
    render()
  })
}
render()
load()
setInterval(load, 1000)
`
