/**
 * The `ecny` command (built to `dist/cli.js` with a shebang). `ecny reconcile --help` for usage.
 * Exit codes: 0 every key matched, 1 discrepancies found, 2 usage or input error.
 */
import { main } from './reconcile/cli/main.js'

process.exitCode = await main(process.argv.slice(2), process)
