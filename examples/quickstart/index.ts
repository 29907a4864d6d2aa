import { runDemo } from './runDemo.js'

const started = Date.now()
await runDemo()
console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
