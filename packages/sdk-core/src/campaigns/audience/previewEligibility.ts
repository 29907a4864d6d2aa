import type { AudienceNode } from './AudienceNode.js'
import type { AudienceTags, CompiledAudience } from './compileAudience.js'

export type PreviewEligibilityReturnType =
  | { eligible: true }
  | {
      eligible: false
      /** Tags the customer lacks that would (each in its branch) count towards eligibility. */
      missing: string[]
      /** Tags the customer has that the expression rules out (`!staff`). */
      excluded: string[]
      /** One sentence for a support agent or a campaign console. */
      reason: string
    }

type Why = { missing: Set<string>; excluded: Set<string> }

function holds(node: AudienceNode, has: (tag: string) => boolean): boolean {
  switch (node.type) {
    case 'tag':
      return has(node.tag)
    case 'not':
      return !holds(node.operand, has)
    case 'and':
      return node.operands.every((operand) => holds(operand, has))
    case 'or':
      return node.operands.some((operand) => holds(operand, has))
  }
}

/** Collects why `node` evaluates to `value`: absent tags go to `missing`, present ones to `excluded`. */
function explain(node: AudienceNode, value: boolean, has: (tag: string) => boolean, why: Why): void {
  switch (node.type) {
    case 'tag':
      ;(value ? why.excluded : why.missing).add(node.tag)
      return
    case 'not':
      explain(node.operand, !value, has, why)
      return
    case 'and':
    case 'or': {
      // A false `and` / true `or` is decided by its failing / succeeding operands: explain those.
      // A true `and` / false `or` needs every operand: explain them all.
      const decisive = (node.type === 'and') !== value
      for (const operand of node.operands) {
        if (decisive && holds(operand, has) !== value) continue
        explain(operand, value, has, why)
        if (decisive && node.type === 'or') return // one succeeding branch is reason enough
      }
    }
  }
}

/**
 * Says whether a customer is in an audience and, when not, why: the tags they lack and the
 * excluded tags they have. Meant for one customer at a time (a console, a support screen); use
 * `audience.matches` in loops.
 *
 * @example
 * const audience = compileAudience('payroll & !staff | new_wallet')
 * previewEligibility(audience, ['staff'])
 * // { eligible: false, missing: ['payroll', 'new_wallet'], excluded: ['staff'],
 * //   reason: "Not in the audience 'payroll & !staff | new_wallet': lacks payroll, new_wallet; has excluded staff." }
 */
export function previewEligibility(
  audience: CompiledAudience,
  tags: AudienceTags,
): PreviewEligibilityReturnType {
  if (audience.matches(tags)) return { eligible: true }
  const set: ReadonlySet<string> = Array.isArray(tags) ? new Set(tags) : (tags as ReadonlySet<string>)
  const has = (tag: string) => set.has(tag)
  const why: Why = { missing: new Set(), excluded: new Set() }
  explain(audience.tree, false, has, why)
  const missing = [...why.missing]
  const excluded = [...why.excluded]
  const parts = [
    missing.length > 0 ? `lacks ${missing.join(', ')}` : '',
    excluded.length > 0 ? `has excluded ${excluded.join(', ')}` : '',
  ].filter(Boolean)
  return {
    eligible: false,
    missing,
    excluded,
    reason: `Not in the audience '${audience.toString()}': ${parts.join('; ')}.`,
  }
}
