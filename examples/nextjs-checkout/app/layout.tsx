import type { Metadata } from 'next'
import type { ReactNode } from 'react'

export const metadata: Metadata = { title: 'e-CNY Next.js checkout' }

// System fonts only: nothing is fetched from a font service at build or run time.
const css = `
  body { font-family: system-ui, sans-serif; margin: 0; background: #f6f7f9; color: #1d2330; }
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
`

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <style>{css}</style>
      </head>
      <body>
        <header>
          <h1>e-CNY shop (Next.js)</h1>
        </header>
        <main>{children}</main>
      </body>
    </html>
  )
}
