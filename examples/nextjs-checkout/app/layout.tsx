import type { Metadata } from 'next'
import type { ReactNode } from 'react'

export const metadata: Metadata = { title: '数字人民币商店 · e-CNY shop (Next.js)' }

// System fonts only: nothing is fetched from a font service at build or run time.
const css = `
  body { font-family: system-ui, "PingFang SC", "Noto Sans CJK SC", sans-serif; margin: 0; background: #f6f7f9; color: #1d2330; }
  header, main { max-width: 560px; margin: 0 auto; padding: 16px; }
  .card { background: #fff; border-radius: 12px; padding: 20px; margin-bottom: 16px; box-shadow: 0 1px 3px #0002; }
  .row { display: flex; gap: 12px; align-items: center; justify-content: space-between; }
  label { display: flex; flex-direction: column; gap: 4px; font-size: 14px; }
  input { font-size: 16px; padding: 8px; border: 1px solid #c8ccd4; border-radius: 8px; }
  button { font-size: 16px; padding: 9px 16px; border: 0; border-radius: 8px; background: #c8102e; color: #fff; cursor: pointer; }
  button:disabled { opacity: .5; cursor: default; }
  .status { font-size: 13px; padding: 3px 10px; border-radius: 999px; background: #eef0f3; }
  .status.succeeded { background: #dff5e3; color: #16672b; }
  .notice { padding: 12px; border-radius: 8px; margin-top: 12px; }
  .success { background: #dff5e3; } .error { background: #fde7e9; }
  .muted { color: #5b6475; font-size: 14px; }
  .language { display: flex; gap: 12px; align-items: center; }
  .language h1 { margin: 0 auto 0 0; font-size: 22px; }
  .language a { color: #c8102e; }
  .language a[aria-current] { font-weight: 600; text-decoration: none; }
`

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <head>
        <style>{css}</style>
      </head>
      <body>
        <main>{children}</main>
      </body>
    </html>
  )
}
