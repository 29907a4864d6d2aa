/** Which gateway the demo talks to: our reference protocol, or CMB 聚合收单's wire format. */
export type DemoDialect = 'reference' | 'cmb'

const dialects: readonly DemoDialect[] = ['reference', 'cmb']

/**
 * The dialect named on the command line (`--dialect cmb` or `--dialect=cmb`); `reference` when none
 * is named. A `--` that pnpm passes on is ignored. Throws a message that says what to write.
 *
 * @example
 * demoDialectOf(process.argv.slice(2)) // 'cmb' for `pnpm demo -- --dialect cmb`
 */
export function demoDialectOf(args: readonly string[]): DemoDialect {
  const at = args.findIndex((arg) => arg === '--dialect' || arg.startsWith('--dialect='))
  if (at === -1) return 'reference'
  const arg = args[at]!
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[at + 1]
  const known = dialects.find((dialect) => dialect === value)
  if (!known)
    throw new Error(
      `--dialect must be reference or cmb, got ${value === undefined ? 'nothing' : `"${value}"`}. Try: pnpm demo -- --dialect cmb`,
    )
  return known
}
