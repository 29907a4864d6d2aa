/**
 * The docs site: English at the root, 简体中文 under /zh/, built from docs/ by `pnpm docs:build`
 * (scripts/docs-build.mjs generates the protocol pages and the API reference first).
 *
 * - `ECNY_DOCS_BASE` (default `/docs/`): the path the site is served under. The SDK's default
 *   `docsBaseUrl` is `https://ecny-sdk.dev/docs/`; a bank hosting its own copy sets both.
 * - `ECNY_DOCS_REPO_URL`: where links to files outside docs/ (examples, package READMEs) point.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type DefaultTheme, defineConfig } from 'vitepress'
import { repoLinks } from './repoLinks.mts'
import { githubSlug } from './slug.mts'

const srcDir = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const repoRoot = resolve(srcDir, '..')
const repoUrl = process.env.ECNY_DOCS_REPO_URL ?? 'https://github.com/ecny-sdk/ecny-sdk/blob/main'
/** docs/README.md is the docs index on GitHub and the English home page here. */
const rewrites = { 'README.md': 'index.md' }

/** The protocol pages scripts/docs-protocol.mjs wrote (one per resource group), for the sidebar. */
function protocolPages(): DefaultTheme.SidebarItem[] {
  const dir = join(srcDir, 'protocol')
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md') && file !== 'index.md' && file !== 'schemas.md')
    .sort()
    .map((file) => ({ text: file.replace(/\.md$/, ''), link: `/protocol/${file.replace(/\.md$/, '')}` }))
}

const guides: [string, string][] = [
  ['Getting started', 'getting-started'],
  ['Concepts', 'concepts'],
  ['Wallets', 'wallets'],
  ['Merchant checkout', 'merchant-checkout'],
  ['Merchant onboarding', 'onboarding'],
  ['Notifications', 'notifications'],
  ['Transit', 'transit'],
  ['Government and tax', 'government'],
  ['Campaigns', 'campaigns'],
  ['Reconciliation', 'reconciliation'],
  ['Edge runtimes', 'edge'],
  ['Observability', 'observability'],
  ['React', 'react'],
  ['Testing', 'testing'],
  ['Operator: CMB', 'operators/cmb'],
]

/** Guides translated into Chinese (docs/zh/…); the others are linked in English with a note. */
const zhGuides: Record<string, string> = {
  'getting-started': '快速开始',
  'merchant-checkout': '商户收款',
  notifications: '支付通知',
  government: '政务缴费与缴税',
  react: 'React',
}

const reference = (prefix: string, labels: { errors: string; protocol: string; api: string }) => ({
  text: prefix === '' ? 'Reference' : '参考',
  items: [
    { text: labels.errors, link: `${prefix}/errors` },
    {
      text: labels.protocol,
      link: '/protocol/',
      items: [{ text: 'schemas', link: '/protocol/schemas' }, ...protocolPages()],
      collapsed: true,
    },
    { text: labels.api, link: '/api/' },
  ],
})

const enSidebar: DefaultTheme.Sidebar = [
  { text: 'Guides', items: guides.map(([text, page]) => ({ text, link: `/${page}` })) },
  reference('', { errors: 'Errors', protocol: 'Protocol', api: 'API reference' }),
]

const zhSidebar: DefaultTheme.Sidebar = [
  {
    text: '指南',
    items: Object.entries(zhGuides).map(([page, text]) => ({ text, link: `/zh/${page}` })),
  },
  {
    text: '英文指南（暂未翻译）',
    collapsed: false,
    items: guides
      .filter(([, page]) => !(page in zhGuides))
      .map(([text, page]) => ({ text: `${text}（英文）`, link: `/${page}` })),
  },
  reference('/zh', { errors: '错误码', protocol: '网关协议（英文）', api: 'API 参考（英文）' }),
]

export default defineConfig({
  srcDir,
  base: process.env.ECNY_DOCS_BASE ?? '/docs/',
  title: 'ecny-sdk',
  description: 'TypeScript SDK for the Digital RMB (e-CNY)',
  cleanUrls: true,
  lastUpdated: false,
  rewrites,
  // The API reference pages are large; their chunks are expected to be.
  vite: { build: { chunkSizeWarningLimit: 4096 } },
  markdown: {
    anchor: { slugify: githubSlug },
    config: (md) => repoLinks(md, { srcDir, repoRoot, repoUrl, rewrites }),
  },
  locales: {
    root: {
      label: 'English',
      lang: 'en',
      themeConfig: {
        nav: [
          { text: 'Guides', link: '/getting-started' },
          { text: 'Errors', link: '/errors' },
          { text: 'Protocol', link: '/protocol/' },
          { text: 'API', link: '/api/' },
        ],
        sidebar: enSidebar,
      },
    },
    zh: {
      label: '简体中文',
      lang: 'zh-CN',
      link: '/zh/',
      title: 'ecny-sdk 数字人民币 SDK',
      description: '数字人民币（e-CNY）TypeScript SDK',
      themeConfig: {
        nav: [
          { text: '指南', link: '/zh/getting-started' },
          { text: '错误码', link: '/zh/errors' },
          { text: '协议', link: '/protocol/' },
          { text: 'API', link: '/api/' },
        ],
        sidebar: zhSidebar,
        outline: { label: '本页目录' },
        docFooter: { prev: '上一页', next: '下一页' },
        darkModeSwitchLabel: '外观',
        sidebarMenuLabel: '菜单',
        returnToTopLabel: '回到顶部',
        langMenuLabel: '切换语言',
      },
    },
  },
  themeConfig: {
    // The language menu goes to the other locale's home: most guides have no zh page (yet), and a
    // menu entry must never lead to a missing page. Translated pages link to each other instead.
    i18nRouting: false,
    search: {
      provider: 'local',
      options: {
        locales: {
          zh: {
            translations: {
              button: { buttonText: '搜索文档', buttonAriaLabel: '搜索文档' },
              modal: {
                noResultsText: '没有找到结果',
                resetButtonTitle: '清除查询',
                footer: { selectText: '选择', navigateText: '切换', closeText: '关闭' },
              },
            },
          },
        },
      },
    },
  },
  // The OpenAPI file itself is linked from the guides (protocol/openapi.json): ship it as is.
  buildEnd: ({ outDir }) => {
    mkdirSync(join(outDir, 'protocol'), { recursive: true })
    copyFileSync(join(srcDir, 'protocol', 'openapi.json'), join(outDir, 'protocol', 'openapi.json'))
  },
})
