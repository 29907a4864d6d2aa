/**
 * The `ecny` command (built to `dist/cli.js` with a shebang). `ecny reconcile --help` for usage;
 * `ecny listen --help` forwards a sandbox's notifications to a local URL.
 * Exit codes: 0 every key matched, 1 discrepancies found, 2 usage or input error.
 */
import { runListen } from './listen/runListen.js'
import { main } from './reconcile/cli/main.js'

if (process.argv[2] === 'listen') {
  const stop = new AbortController()
  process.once('SIGINT', () => stop.abort())
  process.exitCode = await runListen(process.argv.slice(3), {
    ...process,
    env: process.env,
    signal: stop.signal,
  })
} else {
  process.exitCode = await main(process.argv.slice(2), process)
}
