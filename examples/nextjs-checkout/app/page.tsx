import { connection } from 'next/server'
import { gatewayFromEnv } from '../lib/gateway'
import { CheckoutPage } from './CheckoutPage'
import { copy, languageOf } from './copy'

/**
 * The checkout: a server component around the client-side checkout (`CheckoutPage`). Rendered per
 * request, so the environment `next start` runs with decides whether the sandbox-wallet button shows,
 * and `?lang=en` switches the page from 中文 to English.
 */
export default async function Home({
  searchParams,
}: {
  searchParams: Promise<{ lang?: string | string[] }>
}) {
  await connection()
  const language = languageOf((await searchParams).lang)
  const embeddedSandbox = gatewayFromEnv(process.env) === undefined
  return (
    <>
      <nav className="language">
        <h1>{copy[language].shopTitle}</h1>
        <a href="?lang=zh-CN" lang="zh-CN" aria-current={language === 'zh-CN' ? 'true' : undefined}>
          中文
        </a>
        <a href="?lang=en" lang="en" aria-current={language === 'en' ? 'true' : undefined}>
          English
        </a>
      </nav>
      <CheckoutPage gatewayPath="/gateway" sandboxWallet={embeddedSandbox} language={language} />
    </>
  )
}
