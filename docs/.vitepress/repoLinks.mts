import { dirname, join, relative, resolve, sep } from 'node:path'
import type MarkdownIt from 'markdown-it'

/**
 * Links from a docs page to a file outside docs/ (an example's README, a package's README) have no
 * page in the site; they are pointed at the repository's file view instead, so they keep working.
 *
 * @example
 * // in markdown.config: repoLinks(md, { srcDir, repoRoot, repoUrl: 'https://github.com/o/r/blob/main' })
 * // docs/getting-started.md: [x](../examples/quickstart/README.md) → https://github.com/o/r/blob/main/examples/quickstart/README.md
 */
export function repoLinks(
  md: MarkdownIt,
  options: { srcDir: string; repoRoot: string; repoUrl: string },
): void {
  const render = md.renderer.rules.link_open
  md.renderer.rules.link_open = (tokens, index, renderOptions, env, self) => {
    const token = tokens[index]!
    const href = token.attrGet('href')
    if (href && !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('#') && !href.startsWith('/')) {
      const [path = '', hash] = href.split('#', 2)
      const page = join(options.srcDir, (env as { relativePath?: string }).relativePath ?? '')
      const target = resolve(dirname(page), path)
      if (relative(options.srcDir, target).startsWith('..')) {
        const inRepo = relative(options.repoRoot, target).split(sep).join('/')
        token.attrSet('href', `${options.repoUrl}/${inRepo}${hash === undefined ? '' : `#${hash}`}`)
      }
    }
    return render
      ? render(tokens, index, renderOptions, env, self)
      : self.renderToken(tokens, index, renderOptions)
  }
}
