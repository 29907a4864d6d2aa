import { dashboardCatalogue } from './dashboardCatalogue.js'
import { dashboardScript } from './dashboardScript.js'

const sectionNames = ['ledger', 'wallets', 'orders', 'refunds', 'transfers', 'notifications', 'campaigns']

const style = `
body{font:14px/1.45 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
header{display:flex;gap:16px;align-items:center;flex-wrap:wrap;padding:12px 20px;background:#b3151b;color:#fff}
header h1{font-size:18px;margin:0}header small{opacity:.85}
header nav{margin-left:auto;display:flex;gap:6px;align-items:center}
header button{background:#fff2;color:#fff;border:1px solid #fff8;border-radius:4px;padding:2px 8px;cursor:pointer}
header button[aria-pressed=true]{background:#fff;color:#b3151b}
main{padding:12px 20px;display:grid;gap:14px}
section{background:#fff;border-radius:6px;padding:10px 14px;box-shadow:0 1px 2px #0001}
h2{font-size:15px;margin:0 0 8px}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eee;vertical-align:top;word-break:break-all}
th{font-weight:600;color:#555}.none{color:#888;margin:0}
.badge{padding:1px 6px;border-radius:8px;background:#eee;font-size:12px}
.badge.succeeded,.badge.delivered,.badge.active,.badge.open{background:#d9f2de}
.badge.failed,.badge.closed{background:#fbdcdc}.badge.pending,.badge.created{background:#fdf0c8}
.attempts{margin:0;padding-left:18px}.attempts .ok{color:#17702c}.attempts .failed{color:#a31515}
.bar{height:8px;background:#d9f2de;border-radius:4px;overflow:hidden;min-width:160px}.bar .spent{height:100%;background:#b3151b}
.ledger.ok{color:#17702c;margin:0}.ledger.broken{color:#a31515;font-weight:600;margin:0}`

/**
 * The dashboard page: HTML, its style, the catalogue (as JSON in a non-executed script element) and
 * the script, which loads `/dashboard/api/state` every second. `nonce` allows exactly this inline
 * script and style under the page's Content-Security-Policy.
 *
 * @example
 * const html = renderDashboardPage(randomId('n'))
 */
export function renderDashboardPage(nonce: string): string {
  // `<` escaped so no catalogue string can close the JSON script element.
  const catalogue = JSON.stringify(dashboardCatalogue).replace(/</g, '\\u003c')
  const sections = sectionNames
    .map((name) => `<section><h2 data-i18n="${name}"></h2><div id="${name}"></div></section>`)
    .join('')
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>沙箱面板</title><style nonce="${nonce}">${style}</style></head>
<body><header><h1 data-i18n="title"></h1><small data-i18n="subtitle"></small>
<span><span data-i18n="clock"></span> <span id="clock"></span> · <span id="status"></span></span>
<nav><span data-i18n="language"></span><button type="button" data-lang="zh-CN">中文</button><button type="button" data-lang="en">English</button></nav></header>
<main>${sections}</main>
<script type="application/json" id="catalogue">${catalogue}</script>
<script nonce="${nonce}">${dashboardScript}</script></body></html>`
}
