/**
 * `pnpm bench [name...]` runs the named benchmarks (all when none is named), prints a table and
 * merges their figures into bench/results.json. Each benchmark lives in bench/<name>.ts and exports
 * `run(): Promise<Record<string, number>>`. Figures are ratios against a baseline measured in the
 * same run wherever a baseline exists; absolute times on shared machines are noise.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

type Bench = { run: () => Promise<Record<string, number>> }

const here = fileURLToPath(new URL('.', import.meta.url))
const resultsPath = `${here}results.json`

async function available(): Promise<string[]> {
  const files = await readdir(here)
  return files
    .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
    .filter((file) => !file.endsWith('.test.ts') && !file.startsWith('_'))
    .map((file) => file.replace(/\.ts$/, ''))
    .sort()
}

async function readResults(): Promise<Record<string, number>> {
  try {
    return JSON.parse(await readFile(resultsPath, 'utf8'))
  } catch {
    return {}
  }
}

const names = process.argv.slice(2)
const all = await available()
const unknown = names.filter((name) => !all.includes(name))
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Available: ${all.join(', ')}`)
  process.exit(2)
}

const results = await readResults()
const rows: Array<[string, string, number]> = []
for (const name of names.length > 0 ? names : all) {
  console.log(`\n▶ bench ${name}`)
  const bench = (await import(`./${name}.ts`)) as Bench
  const figures = await bench.run()
  for (const [metric, value] of Object.entries(figures)) {
    results[metric] = value
    rows.push([name, metric, value])
  }
}
await writeFile(resultsPath, `${JSON.stringify(results, null, 2)}\n`)
console.log('\n| bench | metric | value |\n|---|---|---|')
for (const [name, metric, value] of rows) console.log(`| ${name} | ${metric} | ${value} |`)
console.log(`\nwritten to bench/results.json`)
