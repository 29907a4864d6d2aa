/**
 * Heading anchors the way GitHub makes them (lowercase, punctuation dropped, spaces to hyphens,
 * underscores kept), so a link written for the repository view (`errors.md#result_unknown`,
 * `concepts.md#integer-fen`) lands on the same heading in the site. VitePress's own slugify turns
 * `_` into `-`; an explicit `{#id}` on a heading still wins over both.
 *
 * @example
 * githubSlug('What the SDK retries for you') // 'what-the-sdk-retries-for-you'
 * githubSlug('result_unknown') // 'result_unknown'
 */
export function githubSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-')
}
