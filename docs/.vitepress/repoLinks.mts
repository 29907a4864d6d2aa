import { dirname, join, relative, resolve, sep } from 'node:path'
import type { MarkdownRenderer } from 'vitepress'

/**
 * Links from a docs page to a file outside docs/ (an example's README, a package's README) have no
 * page in the site; they are pointed at the repository's file view instead, so they keep working.
 * Links to a page the site serves under another name (`rewrites`: docs/README.md is the home page)
 * are pointed at that name.
 *
 * @example
 * // in markdown.config: repoLinks(md, { srcDir, repoRoot, repoUrl: 'https://github.com/o/r/blob/main' })
 * // docs/getting-started.md: [x](../examples/quickstart/README.md) → https://github.com/o/r/blob/main/examples/quickstart/README.md
 */
export function repoLinks(
  md: MarkdownRenderer,
  options: { srcDir: string; repoRoot: string; repoUrl: string; rewrites?: Record<string, string> },
): void {
  const render = md.renderer.rules.link_open
  md.renderer.rules.link_open = (tokens, index, renderOptions, env, self) => {
    const token = tokens[index]!
    const href = token.attrGet('href')
    if (href && !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('#') && !href.startsWith('/')) {
      const [path = '', hash] = href.split('#', 2)
      const page = join(options.srcDir, (env as { relativePath?: string }).relativePath ?? '')
      const target = resolve(dirname(page), path)
      const inSite = relative(options.srcDir, target).split(sep).join('/')
      const suffix = hash === undefined ? '' : `#${hash}`
      const rewritten = options.rewrites?.[inSite]
      if (inSite.startsWith('..')) {
        const inRepo = relative(options.repoRoot, target).split(sep).join('/')
        token.attrSet('href', `${options.repoUrl}/${inRepo}${suffix}`)
      } else if (rewritten !== undefined) {
        const from = dirname(page)
        const to = relative(from, join(options.srcDir, rewritten)).split(sep).join('/')
        token.attrSet('href', `${to.startsWith('.') ? to : `./${to}`}${suffix}`)
      }
    }
    return render
      ? render(tokens, index, renderOptions, env, self)
      : self.renderToken(tokens, index, renderOptions)
  }
}
