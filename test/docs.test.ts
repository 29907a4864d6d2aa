/**
 * Keeps the docs honest: the error reference matches the error table, every docs URL the SDK can
 * print lands on a real page and heading, and the links between the docs resolve.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { createEcnyError } from '../packages/sdk-core/src/errors/EcnyError.js'
import { docsBaseUrl, docsUrlFor, errorCodes } from '../packages/sdk-core/src/errors/errorCodes.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const docsDir = join(root, 'docs')
const read = (path: string) => readFileSync(path, 'utf8')
const rel = (path: string) => relative(root, path).split(sep).join('/')
const codes = Object.keys(errorCodes) as (keyof typeof errorCodes)[]

// ---------------------------------------------------------------------------------------------------
// Markdown helpers

/** The text with fenced code blocks blanked out (line count kept), so `## ` or `[x](y)` in code is ignored. */
function withoutCodeFences(markdown: string): string {
  let inFence = false
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        inFence = !inFence
        return ''
      }
      return inFence ? '' : line
    })
    .join('\n')
}

/** GitHub's heading anchor: rendered text, lowercased, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-')
}

/** A heading's text and its explicit `{#id}` anchor (VitePress syntax), when it has one. */
function headingParts(heading: string): { text: string; id: string | undefined } {
  const explicit = /^(.*?)[ \t]+\{#([^}\s]+)\}$/.exec(heading)
  return explicit ? { text: explicit[1]!, id: explicit[2]! } : { text: heading, id: undefined }
}

/**
 * Every anchor a page offers: an explicit `{#id}`, else the heading slug (with `-1`, `-2` for
 * repeats; the docs site slugs headings the same way), and `id="…"` / `name="…"` in HTML.
 */
function anchorsOf(markdown: string): Set<string> {
  const text = withoutCodeFences(markdown)
  const anchors = new Set<string>()
  const seen = new Map<string, number>()
  for (const match of text.matchAll(/^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/gm)) {
    const { text: headingText, id } = headingParts(match[1]!)
    if (id !== undefined) {
      anchors.add(id)
      continue
    }
    const base = slug(headingText)
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    anchors.add(count === 0 ? base : `${base}-${count}`)
  }
  for (const match of text.matchAll(/\b(?:id|name)="([^"]+)"/g)) anchors.add(match[1]!)
  return anchors
}

/** Level-2 sections: heading text (without its `{#id}`) and id → body up to the next `#`/`##` heading. */
function sectionsOf(markdown: string): { heading: string; id: string | undefined; body: string }[] {
  const lines = withoutCodeFences(markdown).split('\n')
  const original = markdown.split('\n')
  const sections: { heading: string; id: string | undefined; body: string }[] = []
  let current: { heading: string; id: string | undefined; lines: string[] } | undefined
  const close = () => {
    if (current) sections.push({ heading: current.heading, id: current.id, body: current.lines.join('\n') })
  }
  lines.forEach((line, index) => {
    const heading = /^##[ \t]+(.+?)[ \t]*$/.exec(line)
    if (heading || /^#[ \t]/.test(line)) {
      close()
      const parts = heading ? headingParts(heading[1]!) : undefined
      current = parts ? { heading: parts.text, id: parts.id, lines: [] } : undefined
    } else current?.lines.push(original[index]!)
  })
  close()
  return sections
}

/** A `## ` heading shaped like an error code (snake_case identifier), as opposed to a prose heading. */
const isCodeHeading = (heading: string) => /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(heading)

/** The text after `**What to do**` (up to the next bold label or the end of the section). */
function whatToDo(body: string): string | undefined {
  const match = /\*\*What to do\*\*([\s\S]*?)(?=\n\*\*[A-Z][^*\n]*\*\*|$)/.exec(body)
  return match?.[1]?.replace(/^[\s:—-]+/, '').trim()
}

/** `[text](target)` links, with the line they are on; code fences skipped. */
function linksOf(markdown: string): { target: string; line: number }[] {
  const links: { target: string; line: number }[] = []
  withoutCodeFences(markdown)
    .split('\n')
    .forEach((text, index) => {
      for (const match of text.matchAll(/\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
        links.push({ target: match[1]!, line: index + 1 })
      const reference = /^\s{0,3}\[[^\]]+\]:\s+<?(\S+?)>?(?:\s+"[^"]*")?\s*$/.exec(text)
      if (reference) links.push({ target: reference[1]!, line: index + 1 })
    })
  return links
}

const anchorCache = new Map<string, Set<string>>()
function anchorsOfFile(path: string): Set<string> {
  let anchors = anchorCache.get(path)
  if (!anchors) {
    anchors = anchorsOf(read(path))
    anchorCache.set(path, anchors)
  }
  return anchors
}

/**
 * Why a file + anchor does not resolve, or `undefined` when it does. Anchors are checked in Markdown
 * pages only.
 */
function problemWith(file: string, anchor: string | undefined): string | undefined {
  if (!existsSync(file)) return `${rel(file)} does not exist`
  if (anchor === undefined || anchor === '') return undefined
  if (!file.endsWith('.md')) return undefined
  if (!statSync(file).isFile()) return `${rel(file)} is not a file`
  return anchorsOfFile(file).has(decodeURIComponent(anchor))
    ? undefined
    : `${rel(file)} has no heading with anchor #${anchor}`
}

/**
 * Maps a published docs URL to the file under docs/ that serves it: `…/docs/errors#x` →
 * `docs/errors.md` + `x`; `…/docs/protocol/openapi.json` → that file; `…/docs/api/` → the folder.
 */
function docsFileFor(url: string): { file: string; anchor: string | undefined } {
  if (!url.startsWith(docsBaseUrl)) throw new Error(`${url} is not under ${docsBaseUrl}`)
  const [pathAndQuery = '', anchor] = url.slice(docsBaseUrl.length).split('#', 2)
  const page = pathAndQuery.split('?')[0]!
  if (page === '' || page.endsWith('/')) return { file: join(docsDir, page), anchor }
  if (/\.[a-z0-9]+$/i.test(page)) return { file: join(docsDir, page), anchor }
  return { file: join(docsDir, `${page}.md`), anchor }
}

// ---------------------------------------------------------------------------------------------------
// Source scanning

type DocsLink = { file: string; line: number; url: string }

/**
 * Docs URLs in a source file's string literals. A URL that runs into a `${…}` substitution, or that
 * stops right after `/docs/` (the base constant), is a fragment completed at run time: it is
 * returned in `fragments` and not checked here (`docsUrlFor` is checked code by code instead).
 */
function docsLinksInSource(fileName: string, source: string): { links: DocsLink[]; fragments: DocsLink[] } {
  const links: DocsLink[] = []
  const fragments: DocsLink[] = []
  const sourceFile = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  )
  const pattern = new RegExp(
    `${docsBaseUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[^\\s'"\`<>()\\[\\]{}\\\\]*`,
    'g',
  )
  const collect = (node: ts.Node, text: string, endsInSubstitution: boolean) => {
    const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1
    for (const match of text.matchAll(pattern)) {
      const url = match[0].replace(/[.,;:!?]+$/, '')
      const runsIntoSubstitution = endsInSubstitution && match.index + match[0].length === text.length
      const bare = url === docsBaseUrl || url === docsBaseUrl.replace(/\/$/, '')
      ;(runsIntoSubstitution || bare ? fragments : links).push({ file: fileName, line, url })
    }
  }
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) collect(node, node.text, false)
    else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node)) collect(node, node.text, true)
    else if (ts.isTemplateTail(node)) collect(node, node.text, false)
    node.forEachChild(visit)
  }
  visit(sourceFile)
  return { links, fragments }
}

function sourceFiles(dir: string): string[] {
  const files: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') files.push(...sourceFiles(path))
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path)
  }
  return files
}

const packageSourceFiles = readdirSync(join(root, 'packages'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(root, 'packages', entry.name, 'src')))
  .flatMap((entry) => sourceFiles(join(root, 'packages', entry.name, 'src')))

// ---------------------------------------------------------------------------------------------------

const errorsPath = join(docsDir, 'errors.md')
const errorsDoc = existsSync(errorsPath) ? read(errorsPath) : ''
const errorSections = sectionsOf(errorsDoc)
const codeSections = errorSections.filter((section) => isCodeHeading(section.heading))

describe('docs/errors.md', () => {
  it('exists and has exactly one # title', () => {
    expect(existsSync(errorsPath)).toBe(true)
    const titles = withoutCodeFences(errorsDoc).match(/^#[ \t].+$/gm) ?? []
    expect(titles).toHaveLength(1)
  })

  it.each(codes)('has a section for %s with non-empty "What to do"', (code) => {
    const sections = codeSections.filter((section) => section.heading === code)
    expect(sections, `## ${code} should appear exactly once`).toHaveLength(1)
    expect(sections[0]!.id, `## ${code} needs the explicit anchor {#${code}}`).toBe(code)
    const advice = whatToDo(sections[0]!.body)
    expect(advice, `## ${code} needs a **What to do** part`).toBeDefined()
    expect(
      advice!.match(/[\p{L}\p{N}]{2,}/gu)?.length ?? 0,
      `## ${code}: "What to do" is empty`,
    ).toBeGreaterThan(2)
  })

  it.each(codes)('states the category, class, status and retryability of %s as the code does', (code) => {
    const body = codeSections.find((section) => section.heading === code)?.body ?? ''
    const { category, status, retryable } = errorCodes[code]
    const errorClass = createEcnyError(code, 'x').name
    expect(/\*\*Category:\*\*\s*`([^`]+)`\s*→\s*`([^`]+)`/.exec(body)?.slice(1)).toEqual([
      category,
      errorClass,
    ])
    expect(/\*\*HTTP status:\*\*\s*([^\n]+)/.exec(body)?.[1]?.trim()).toBe(
      status > 0 ? String(status) : 'raised by the SDK',
    )
    expect(/\*\*Retryable:\*\*\s*(yes|no)\b/.exec(body)?.[1]).toBe(retryable ? 'yes' : 'no')
  })

  it('has no section for a code the SDK does not define', () => {
    expect(codeSections.length).toBeGreaterThan(0)
    const stale = codeSections
      .map((section) => section.heading)
      .filter((heading) => !Object.hasOwn(errorCodes, heading))
    expect(stale).toEqual([])
    // Prose sections (the intro) must not carry a code's metadata, which would hide a misspelt code.
    const unshaped = errorSections
      .filter((section) => !isCodeHeading(section.heading) && /\*\*Category:\*\*/.test(section.body))
      .map((section) => section.heading)
    expect(unshaped).toEqual([])
  })
})

const zhErrorsPath = join(docsDir, 'zh', 'errors.md')
const zhErrorsDoc = existsSync(zhErrorsPath) ? read(zhErrorsPath) : ''
const zhErrorSections = sectionsOf(zhErrorsDoc)
const zhCodeSections = zhErrorSections.filter((section) => isCodeHeading(section.heading))
/** Han characters: a Chinese explanation has plenty of them. */
const hanCount = (text: string) => text.match(/\p{Script=Han}/gu)?.length ?? 0

/** The text after `**怎么办**` (the zh "What to do"), up to the next bold label or the end. */
function zhWhatToDo(body: string): string | undefined {
  const match = /\*\*怎么办\*\*([\s\S]*?)(?=\n\*\*[^*\n]+\*\*|$)/.exec(body)
  return match?.[1]?.replace(/^[\s:：—-]+/, '').trim()
}

describe('docs/zh/errors.md (the Chinese error reference)', () => {
  it('exists, has exactly one # title and the same codes as docs/errors.md', () => {
    expect(existsSync(zhErrorsPath)).toBe(true)
    expect(withoutCodeFences(zhErrorsDoc).match(/^#[ \t].+$/gm) ?? []).toHaveLength(1)
    const sorted = (sections: { heading: string }[]) => sections.map((section) => section.heading).sort()
    expect(sorted(zhCodeSections)).toEqual(sorted(codeSections))
    expect(sorted(zhCodeSections)).toEqual([...codes].sort())
  })

  it.each(codes)('explains %s in Chinese under its {#code} anchor, with "怎么办"', (code) => {
    const sections = zhCodeSections.filter((section) => section.heading === code)
    expect(sections, `## ${code} should appear exactly once`).toHaveLength(1)
    expect(sections[0]!.id, `## ${code} needs the explicit anchor {#${code}}`).toBe(code)
    const body = sections[0]!.body
    expect(hanCount(body), `## ${code}: the explanation should be in Chinese`).toBeGreaterThan(20)
    expect(hanCount(zhWhatToDo(body) ?? ''), `## ${code} needs a non-empty **怎么办** part`).toBeGreaterThan(
      5,
    )
  })

  it.each(codes)('states the category, class, status and retryability of %s as the code does', (code) => {
    const body = zhCodeSections.find((section) => section.heading === code)?.body ?? ''
    const { category, status, retryable } = errorCodes[code]
    expect(/\*\*类别：\*\*\s*`([^`]+)`\s*→\s*`([^`]+)`/.exec(body)?.slice(1)).toEqual([
      category,
      createEcnyError(code, 'x').name,
    ])
    expect(/\*\*HTTP 状态：\*\*\s*([^\n]+)/.exec(body)?.[1]?.trim()).toBe(
      status > 0 ? String(status) : '由 SDK 抛出',
    )
    expect(/\*\*可重试：\*\*\s*(是|否)/.exec(body)?.[1]).toBe(retryable ? '是' : '否')
  })

  it('has no section for a code the SDK does not define, and no metadata under a prose heading', () => {
    expect(
      zhCodeSections.map((section) => section.heading).filter((h) => !Object.hasOwn(errorCodes, h)),
    ).toEqual([])
    const unshaped = zhErrorSections
      .filter((section) => !isCodeHeading(section.heading) && /\*\*类别：\*\*/.test(section.body))
      .map((section) => section.heading)
    expect(unshaped).toEqual([])
  })
})

describe('docs URLs', () => {
  it.each(codes)('the docs URL of %s resolves to a page and heading', (code) => {
    const url = createEcnyError(code, 'x').docsUrl
    expect(url).toBe(docsUrlFor(code))
    const { file, anchor } = docsFileFor(url)
    expect(rel(file)).toBe('docs/errors.md')
    expect(anchor).toBe(code)
    expect(problemWith(file, anchor)).toBeUndefined()
  })

  it.each(codes)('the zh-CN docs URL of %s resolves to docs/zh/errors.md and its heading', (code) => {
    const url = docsUrlFor(code, { locale: 'zh-CN' })
    expect(url).toBe(`${docsBaseUrl}zh/errors#${code}`)
    const { file, anchor } = docsFileFor(url)
    expect(rel(file)).toBe('docs/zh/errors.md')
    expect(anchor).toBe(code)
    expect(problemWith(file, anchor)).toBeUndefined()
  })

  it('finds complete URLs in literals and skips run-time fragments', () => {
    // Source text as data; `@{` stands for `${` so the sample is not mistaken for a template here.
    const source = [
      "export const base = 'https://ecny-sdk.dev/docs/'",
      'const a = `@{base}errors#@{code}`',
      'const b = `https://ecny-sdk.dev/docs/errors#@{code}`',
      "const c = 'See https://ecny-sdk.dev/docs/wallets#limits.'",
      'const d = `Read https://ecny-sdk.dev/docs/errors#timeout for @{what}`',
      '// https://ecny-sdk.dev/docs/in-a-comment is not a literal',
    ]
      .join('\n')
      .replaceAll('@{', '$' + '{')
    const { links, fragments } = docsLinksInSource('sample.ts', source)
    expect(links.map((link) => link.url)).toEqual([
      'https://ecny-sdk.dev/docs/wallets#limits',
      'https://ecny-sdk.dev/docs/errors#timeout',
    ])
    expect(fragments.map((link) => [link.line, link.url])).toEqual([
      [1, 'https://ecny-sdk.dev/docs/'],
      [3, 'https://ecny-sdk.dev/docs/errors#'],
    ])
    expect(docsFileFor('https://ecny-sdk.dev/docs/wallets#limits')).toEqual({
      file: join(docsDir, 'wallets.md'),
      anchor: 'limits',
    })
    expect(docsFileFor('https://ecny-sdk.dev/docs/protocol/openapi.json').file).toBe(
      join(docsDir, 'protocol', 'openapi.json'),
    )
  })

  it('every complete docs URL in packages/*/src resolves to a file under docs/', () => {
    expect(packageSourceFiles.length).toBeGreaterThan(0)
    const found = packageSourceFiles
      .map((file) => ({ file, text: read(file) }))
      .filter(({ text }) => text.includes(docsBaseUrl.replace(/\/$/, '')))
      .map(({ file, text }) => docsLinksInSource(rel(file), text))
    // The scan must at least see the base constant, or it is not looking at the sources at all.
    expect(found.flatMap((result) => result.fragments).map((link) => link.file)).toContain(
      'packages/sdk-core/src/errors/errorCodes.ts',
    )
    const broken = found
      .flatMap((result) => result.links)
      .map((link) => {
        const { file, anchor } = docsFileFor(link.url)
        const problem = problemWith(file, anchor)
        return problem ? `${link.file}:${link.line} ${link.url}: ${problem}` : undefined
      })
      .filter((problem) => problem !== undefined)
    expect(broken).toEqual([])
  })
})

/** Every Markdown file a reader follows: the root READMEs, the docs (both languages), the examples' READMEs. */
const linkCheckedFiles = [
  'README.md',
  'README.zh-CN.md',
  ...readdirSync(docsDir)
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file}`),
  ...(existsSync(join(docsDir, 'zh')) ? readdirSync(join(docsDir, 'zh')) : [])
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/zh/${file}`),
  ...readdirSync(join(root, 'examples'))
    .map((name) => `examples/${name}/README.md`)
    .filter((file) => existsSync(join(root, file))),
]

describe('links between docs', () => {
  it.each(linkCheckedFiles)('every relative .md link and anchor in %s resolves', (name) => {
    const path = join(root, name)
    expect(existsSync(path)).toBe(true)
    const links = linksOf(read(path))
    const broken = links
      .filter((link) => !/^[a-z][a-z0-9+.-]*:/i.test(link.target) && !link.target.startsWith('//'))
      .map((link) => {
        const [target = '', anchor] = link.target.split('#', 2)
        if (target === '') return { link, problem: problemWith(path, anchor) }
        const file = target.startsWith('/') ? join(root, target) : resolve(dirname(path), target)
        if (!file.endsWith('.md')) return { link, problem: undefined }
        return { link, problem: problemWith(file, anchor) }
      })
      .filter((result) => result.problem !== undefined)
      .map(({ link, problem }) => `${name}:${link.line} (${link.target}): ${problem}`)
    expect(broken).toEqual([])
  })

  it('finds headings, repeated headings and dangling links the way GitHub renders them', () => {
    const page = '# T\n## What to do\n## What to do\n## `limit_exceeded`\n```\n## not a heading\n```\n'
    expect([...anchorsOf(page)]).toEqual(['t', 'what-to-do', 'what-to-do-1', 'limit_exceeded'])
    expect([...anchorsOf('## result_unknown {#result_unknown}\n## 结果未知 {#x_y}\n')]).toEqual([
      'result_unknown',
      'x_y',
    ])
    expect(
      linksOf('[a](b.md#c) and [d](#e)\n```\n[x](y.md)\n```\n[r]: ./z.md').map((link) => link.target),
    ).toEqual(['b.md#c', '#e', './z.md'])
    expect(problemWith(join(docsDir, 'no-such-page.md'), undefined)).toMatch(/does not exist/)
    expect(problemWith(errorsPath, 'no-such-anchor')).toMatch(/no heading/)
  })
})
