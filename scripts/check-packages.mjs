// Package hygiene, run after `pnpm build`: publint and attw on every package, then each built
// package imported from a fresh ESM consumer and a fresh CJS consumer.
import { execFileSync } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const packages = [
  'protocol',
  'sdk-core',
  'sdk-merchant',
  'sdk-react',
  'mock-rails',
  'operator-cmb',
  'store-redis',
]
const bin = (name) => join(root, 'node_modules', '.bin', name)
let passed = 0
let failed = 0

function check(label, fn) {
  try {
    fn()
    passed++
    console.log(`  ✓ ${label}`)
  } catch (error) {
    failed++
    console.log(
      `  ✗ ${label}\n${String(error.stdout ?? '')}${String(error.stderr ?? '')}${error.stdout ? '' : error.message}`,
    )
  }
}

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: 'pipe', encoding: 'utf8' })

for (const name of packages) {
  const dir = join(root, 'packages', name)
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  console.log(`${manifest.name}`)
  check('publint', () => {
    const out = run(bin('publint'), ['--strict'], dir)
    if (/warning|error/i.test(out)) throw Object.assign(new Error('publint findings'), { stdout: out })
  })
  check('attw --pack --profile node16', () =>
    run(bin('attw'), ['--pack', '.', '--profile', 'node16', '--format', 'table-flipped'], dir),
  )
  check('sideEffects: false', () => {
    if (manifest.sideEffects !== false) throw new Error('package.json must declare "sideEffects": false')
  })

  const consumer = mkdtempSync(join(tmpdir(), `ecny-consumer-${name}-`))
  try {
    mkdirSync(join(consumer, 'node_modules', '@ecny'), { recursive: true })
    symlinkSync(dir, join(consumer, 'node_modules', '@ecny', name), 'dir')
    const expected = Object.keys(manifest.exports).filter((key) => key !== './package.json')
    for (const subpath of expected) {
      const specifier = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`
      writeFileSync(
        join(consumer, 'esm.mjs'),
        `const m = await import(${JSON.stringify(specifier)}); if (Object.keys(m).length === 0) throw new Error('no exports'); console.log(Object.keys(m).length)`,
      )
      writeFileSync(
        join(consumer, 'cjs.cjs'),
        `const m = require(${JSON.stringify(specifier)}); if (Object.keys(m).length === 0) throw new Error('no exports'); console.log(Object.keys(m).length)`,
      )
      check(`ESM consumer imports ${specifier}`, () => run(process.execPath, ['esm.mjs'], consumer))
      check(`CJS consumer requires ${specifier}`, () => run(process.execPath, ['cjs.cjs'], consumer))
    }
    if (manifest.exports['.'].browser) {
      // The browser build must load, use fetch, and refuse to sign: no private key path in a page.
      writeFileSync(
        join(consumer, 'browser.mjs'),
        `const m = await import(${JSON.stringify(manifest.name)})
        const url = import.meta.resolve(${JSON.stringify(manifest.name)})
        if (!url.includes('/dist/browser/')) throw new Error('browser condition resolved to ' + url)
        try {
          m.createClient({ baseUrl: 'http://127.0.0.1:1', credentials: { appId: 'a', privateKey: { kty: 'EC' } } })
          throw new Error('server credentials were accepted')
        } catch (error) { if (error.code !== 'insecure_environment') throw error }`,
      )
      check(`browser build of ${manifest.name} loads and refuses server credentials`, () =>
        run(process.execPath, ['--conditions=browser', 'browser.mjs'], consumer),
      )
    }
    if (manifest.exports['.'].workerd) {
      // The edge build (Workers, Vercel Edge, Deno) loads every entry from dist/edge/ and keeps signing.
      check('dist/edge imports nothing from Node and no axios', () => {
        const edgeDir = join(dir, 'dist', 'edge')
        for (const file of readdirSync(edgeDir).filter((name) => name.endsWith('.js'))) {
          const found = /(?:from|import\()\s*["'](node:[^"']+|axios)["']/.exec(
            readFileSync(join(edgeDir, file), 'utf8'),
          )
          if (found) throw new Error(`dist/edge/${file} imports ${found[1]}`)
        }
      })
      for (const condition of ['workerd', 'worker', 'edge-light', 'deno']) {
        for (const subpath of expected.filter((key) => manifest.exports[key][condition])) {
          const specifier = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`
          writeFileSync(
            join(consumer, 'edge.mjs'),
            `const m = await import(${JSON.stringify(specifier)})
            const url = import.meta.resolve(${JSON.stringify(specifier)})
            if (!url.includes('/dist/edge/')) throw new Error('${condition} condition resolved to ' + url)
            if (Object.keys(m).length === 0) throw new Error('no exports')
            if (m.createClient) m.createClient({ baseUrl: 'http://127.0.0.1:1', credentials: { appId: 'a', privateKey: { kty: 'EC' } } })`,
          )
          check(`${condition} condition of ${specifier} loads the edge build`, () =>
            run(process.execPath, [`--conditions=${condition}`, 'edge.mjs'], consumer),
          )
        }
      }
    }
  } finally {
    rmSync(consumer, { recursive: true, force: true })
  }
}

console.log(`\npackage checks: ${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
