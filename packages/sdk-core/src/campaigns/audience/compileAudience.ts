import { InvalidRequestError } from '../../errors/EcnyError.js'
import type { AudienceNode } from './AudienceNode.js'
import { parseAudience } from './parseAudience.js'
import { printAudience } from './printAudience.js'

/** A customer's tags: a `Set` or an array (duplicates are fine). */
export type AudienceTags = ReadonlySet<string> | readonly string[]

/** An audience expression compiled once into a fast predicate. */
export type CompiledAudience = {
  /** The expression as written. */
  readonly source: string
  /** The syntax tree. */
  readonly tree: AudienceNode
  /** The distinct tags the expression mentions, in order of first appearance. */
  readonly tags: readonly string[]
  /** Whether a customer with these tags is in the audience. */
  matches(tags: AudienceTags): boolean
  /** The canonical form (`&`, `|`, `!`, minimal parentheses). */
  toString(): string
}

/** Arrays up to this long are scanned per tag (short-circuit); longer ones are indexed once. */
const SHORT_ARRAY = 24

type Predicate<T> = (input: T) => boolean

/**
 * Turns a tree into nested closures, with `leaf` deciding how one tag is tested. Two- and
 * three-operand `and`/`or` get their own closures (the common case, and easy for the JIT to inline).
 */
function build<T>(node: AudienceNode, leaf: (tag: string) => Predicate<T>): Predicate<T> {
  switch (node.type) {
    case 'tag':
      return leaf(node.tag)
    case 'not': {
      const operand = build(node.operand, leaf)
      return (input) => !operand(input)
    }
    case 'and': {
      const operands = node.operands.map((operand) => build(operand, leaf))
      const [a, b, c] = operands as [Predicate<T>, Predicate<T>, Predicate<T> | undefined]
      if (operands.length === 2) return (input) => a(input) && b(input)
      if (operands.length === 3) return (input) => a(input) && b(input) && c!(input)
      return (input) => {
        for (let i = 0; i < operands.length; i++) if (!operands[i]!(input)) return false
        return true
      }
    }
    case 'or': {
      const operands = node.operands.map((operand) => build(operand, leaf))
      const [a, b, c] = operands as [Predicate<T>, Predicate<T>, Predicate<T> | undefined]
      if (operands.length === 2) return (input) => a(input) || b(input)
      if (operands.length === 3) return (input) => a(input) || b(input) || c!(input)
      return (input) => {
        for (let i = 0; i < operands.length; i++) if (operands[i]!(input)) return true
        return false
      }
    }
  }
}

function collectTags(node: AudienceNode, into: Map<string, number>): void {
  if (node.type === 'tag') {
    if (!into.has(node.tag)) into.set(node.tag, into.size)
  } else if (node.type === 'not') {
    collectTags(node.operand, into)
  } else {
    for (const operand of node.operands) collectTags(operand, into)
  }
}

function notTags(value: unknown): never {
  throw new InvalidRequestError(
    'invalid_request',
    `A customer's tags must be an array or a Set of strings, got ${value === null ? 'null' : typeof value}.`,
    { hint: "Pass e.g. ['payroll', 'city:suzhou'] or new Set(customer.tags)." },
  )
}

/**
 * Parses and compiles an audience tag expression once; `matches` then runs per customer without
 * re-parsing. The tree becomes nested closures with short-circuit evaluation, specialised by input:
 * a `Set` is probed with `has`, a short array with `includes`, and a long array (over 24 tags) is
 * indexed once into a presence vector over the expression's tag ids. Over a million customers it
 * runs about as fast as the same predicate written by hand (`pnpm bench audience`). No `eval`, so it
 * is safe under a strict Content-Security-Policy. Throws `expression_syntax` on a syntax error.
 *
 * @example
 * const audience = compileAudience('(payroll | new_wallet) & !staff & (city:suzhou | city:上海)')
 * audience.matches(['payroll', 'city:suzhou']) // true
 * audience.matches(new Set(['payroll', 'staff', 'city:suzhou'])) // false
 * audience.tags // ['payroll', 'new_wallet', 'staff', 'city:suzhou', 'city:上海']
 */
export function compileAudience(expression: string): CompiledAudience {
  const tree = parseAudience(expression)
  const idOf = new Map<string, number>()
  collectTags(tree, idOf)
  const tags = [...idOf.keys()]
  const canonical = printAudience(tree)

  const inShortArray = build<readonly string[]>(tree, (tag) => (array) => array.includes(tag))
  const inSet = build<ReadonlySet<string>>(tree, (tag) => (set) => set.has(tag))
  const inPresence = build<Uint8Array>(tree, (tag) => {
    const id = idOf.get(tag)!
    return (present) => present[id] === 1
  })
  const present = new Uint8Array(tags.length)

  function matches(customerTags: AudienceTags): boolean {
    if (Array.isArray(customerTags)) {
      if (customerTags.length <= SHORT_ARRAY) return inShortArray(customerTags)
      present.fill(0)
      for (let i = 0; i < customerTags.length; i++) {
        const id = idOf.get(customerTags[i])
        if (id !== undefined) present[id] = 1
      }
      return inPresence(present)
    }
    if (typeof (customerTags as ReadonlySet<string> | null)?.has !== 'function') notTags(customerTags)
    return inSet(customerTags as ReadonlySet<string>)
  }

  return Object.freeze({
    source: expression,
    tree,
    tags: Object.freeze(tags),
    matches,
    toString: () => canonical,
  })
}
