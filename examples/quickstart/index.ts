import { demoDialectOf } from './demoDialect.js'

let dialect: ReturnType<typeof demoDialectOf>
try {
  dialect = demoDialectOf(process.argv.slice(2))
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
const started = Date.now()
if (dialect === 'cmb') await (await import('./runCmbDemo.js')).runCmbDemo()
else await (await import('./runDemo.js')).runDemo()
console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
