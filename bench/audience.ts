/**
 * `pnpm bench audience`: the compiled audience predicate over 1,000,000 customers against a
 * hand-written JS predicate for the same expression over the same data, in the same run.
 * Reports the median of several rounds; `audience_baseline_ratio` = compiled ÷ hand-written.
 */
import { compileAudience } from '../packages/sdk-core/src/campaigns/audience/compileAudience.js'
import { createSeededRandom } from '../packages/sdk-core/src/campaigns/random/createSeededRandom.js'

const CUSTOMERS = 1_000_000
const ROUNDS = 9
const EXPRESSION = '(payroll | new_wallet) & !staff & (city:suzhou | city:shanghai)'

/** ~50 distinct tags: the five the expression uses and 45 others; 3–8 distinct tags per customer. */
function generateCustomers(): string[][] {
  const vocabulary = ['payroll', 'new_wallet', 'staff', 'city:suzhou', 'city:shanghai']
  for (let i = 0; vocabulary.length < 50; i++) vocabulary.push(`seg:${i}`)
  const random = createSeededRandom('bench/audience')
  const customers: string[][] = new Array(CUSTOMERS)
  for (let c = 0; c < CUSTOMERS; c++) {
    const count = 3 + random.below(6)
    const tags: string[] = []
    while (tags.length < count) {
      const tag = vocabulary[random.below(vocabulary.length)]!
      if (!tags.includes(tag)) tags.push(tag)
    }
    customers[c] = tags
  }
  return customers
}

function handWritten(tags: readonly string[]): boolean {
  return (
    (tags.includes('payroll') || tags.includes('new_wallet')) &&
    !tags.includes('staff') &&
    (tags.includes('city:suzhou') || tags.includes('city:shanghai'))
  )
}

function time(predicate: (tags: readonly string[]) => boolean, customers: readonly string[][]) {
  const start = performance.now()
  let count = 0
  for (let c = 0; c < customers.length; c++) if (predicate(customers[c]!)) count++
  return { seconds: (performance.now() - start) / 1000, count }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

export async function run(): Promise<Record<string, number>> {
  const customers = generateCustomers()
  const audience = compileAudience(EXPRESSION)
  const compiledTimes: number[] = []
  const baselineTimes: number[] = []
  // One warm-up round (JIT), then timed rounds; the order alternates so neither side always runs first.
  for (let round = -1; round < ROUNDS; round++) {
    const compiledFirst = round % 2 === 0
    const first = time(compiledFirst ? audience.matches : handWritten, customers)
    const second = time(compiledFirst ? handWritten : audience.matches, customers)
    const [compiled, baseline] = compiledFirst ? [first, second] : [second, first]
    if (compiled.count !== baseline.count) {
      throw new Error(`compiled audience matched ${compiled.count}, hand-written ${baseline.count}`)
    }
    if (round < 0) continue
    compiledTimes.push(compiled.seconds)
    baselineTimes.push(baseline.seconds)
  }
  const compiled = median(compiledTimes)
  return {
    audience_1m_eval_s: Number(compiled.toFixed(4)),
    audience_baseline_ratio: Number((compiled / median(baselineTimes)).toFixed(3)),
  }
}
