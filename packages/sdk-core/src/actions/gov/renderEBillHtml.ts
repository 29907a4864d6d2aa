import { ebillFormat, type SignedGovEBill } from '@ecny/protocol'
import { formatYuan } from '../../money/formatYuan.js'

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/** JSON safe inside `<script>`: no `<`, so `</script>` in a name cannot end the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')

const titles = {
  fiscal_ebill: '财政电子票据 Fiscal e-bill',
  tax_payment_certificate: '电子完税证明 Tax payment certificate',
} as const

/**
 * A printable HTML page of a signed e-bill that a citizen can save or print: bill code (票据代码),
 * number (票据号码), check code (校验码), issuing agency, payer, items and total, when it was paid.
 * The signed document rides along in the page (`<script type="application/json" id="ecny-ebill">`),
 * so the saved file itself can be checked later with `verifyEBill`. Every text is HTML-escaped.
 *
 * @example
 * await writeFile(`e-bill-${signed.ebill.number}.html`, renderEBillHtml(signed))
 */
export function renderEBillHtml(signed: SignedGovEBill): string {
  const { ebill } = signed
  const title = titles[ebill.documentType as keyof typeof titles] ?? titles.fiscal_ebill
  const yuan = (fen: number) => `¥${formatYuan(fen, { grouping: true })}`
  const rows = ebill.items
    .map(
      (item) =>
        `<tr><td>${escapeHtml(item.code)}</td><td>${escapeHtml(item.name)}</td><td class="n">${yuan(item.amount)}</td></tr>`,
    )
    .join('\n')
  const field = (label: string, value: string) => `<tr><th>${label}</th><td>${escapeHtml(value)}</td></tr>`
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${title} ${ebill.billCode}-${ebill.number}`)}</title>
<style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:42rem;margin:2rem auto;color:#111}
h1{font-size:1.3rem;border-bottom:2px solid #b00;padding-bottom:.4rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left}
th{width:12rem;background:#f6f6f6}.n{text-align:right}tfoot td{font-weight:bold}
@media print{body{margin:0}}
</style>
</head>
<body>
<h1>${title}</h1>
<table>
${field('票据代码 Bill code', ebill.billCode)}
${field('票据号码 Number', ebill.number)}
${field('校验码 Check code', ebill.checkCode)}
${field('开票单位 Issuing agency', `${ebill.issuingAgency.name} (${ebill.issuingAgency.code})`)}
${field('交款人 Payer', ebill.payerName)}
${ebill.taxpayerId ? field('纳税人识别号 Taxpayer id', ebill.taxpayerId) : ''}
${field('缴款码 Payment code', ebill.paymentCode)}
${field('缴费日期 Paid at', ebill.paidAt)}
${field('缴费方式 Paid by', `${ebill.paymentChannel} (order ${ebill.orderId})`)}
</table>
<table>
<thead><tr><th>项目编码 Item</th><th>项目名称 Name</th><th class="n">金额 Amount</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><td colspan="2">合计 Total</td><td class="n">${yuan(ebill.amount)}</td></tr></tfoot>
</table>
<p><small>Issued ${escapeHtml(ebill.issuedAt)}. Signed by the e-CNY gateway; check this file with verifyEBill.</small></p>
<script type="application/json" id="ecny-ebill">${scriptJson(signed)}</script>
</body>
</html>
`
}

/** The signed e-bill inside a page made by {@link renderEBillHtml}, or `undefined`. */
export function signedEBillFromHtml(html: string): Record<string, unknown> | undefined {
  const match = /<script type="application\/json" id="ecny-ebill">([\s\S]*?)<\/script>/.exec(html)
  if (!match) return undefined
  try {
    const parsed = JSON.parse(match[1]!) as Record<string, unknown>
    return parsed.format === ebillFormat ? parsed : undefined
  } catch {
    return undefined
  }
}
