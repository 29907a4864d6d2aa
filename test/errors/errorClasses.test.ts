/**
 * Every error is thrown as its category's class, so `error instanceof ResultUnknownError` (or
 * `TimeoutError`, `SignatureError` …) works for every code: no source builds a bare `EcnyError`
 * for a code whose category has a class. `createEcnyError(code, …)` picks the class.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { errorCodes } from '@ecny/sdk-core/internal'
import { expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory())
      return name === 'node_modules' || name === 'dist' ? [] : sourceFiles(path)
    return /\.tsx?$/.test(name) && !/\.test(-d)?\.tsx?$|test-helpers/.test(name) ? [path] : []
  })
}

it('builds no bare EcnyError for a code whose category has its own class', () => {
  const offenders: string[] = []
  for (const pkg of readdirSync(join(root, 'packages'))) {
    const src = join(root, 'packages', pkg, 'src')
    if (!statSync(src, { throwIfNoEntry: false })?.isDirectory()) continue
    for (const file of sourceFiles(src)) {
      const text = readFileSync(file, 'utf8')
      for (const match of text.matchAll(/new EcnyError\(\s*['"`]([a-z_]+)['"`]/g)) {
        if (match[1]! in errorCodes) offenders.push(`${relative(root, file)}: ${match[1]}`)
      }
    }
  }
  expect(offenders).toEqual([])
})

it('gives every action an XErrorType beside its XReturnType, exported from a package entry', () => {
  const missing: string[] = []
  for (const pkg of ['sdk-core', 'sdk-merchant']) {
    // The main entry or a sub-path (src/exports/*.ts, e.g. @ecny/sdk-core/app-pay).
    const src = join(root, 'packages', pkg, 'src')
    const entry = [join(src, 'index.ts'), ...sourceFiles(join(src, 'exports'))]
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n')
    for (const file of sourceFiles(join(root, 'packages', pkg, 'src', 'actions'))) {
      const text = readFileSync(file, 'utf8')
      for (const [, name] of text.matchAll(/^export type (\w+)ReturnType\b/gm)) {
        if (!new RegExp(`^export type ${name}ErrorType\\b`, 'm').test(text))
          missing.push(`${name}ErrorType in ${relative(root, file)}`)
        else if (!entry.includes(`${name}ErrorType`)) missing.push(`${name}ErrorType not exported by ${pkg}`)
      }
    }
  }
  expect(missing).toEqual([])
})
