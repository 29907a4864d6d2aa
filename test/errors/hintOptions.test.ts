/**
 * Every option a hint names is a real one: each camelCase name in the error catalogues (and in the
 * USCC check message, which names an override) must be an input of an SDK action, client or
 * component (read from the packages' types, sub-path entries such as `@ecny/sdk-core/corporate`
 * included), or an exported function or client method. A hint that says "pass allowInvalidCheck"
 * when the option is `allowInvalidUsccCheck` fails here. The simulated gateway's messages are held to
 * the same rule for the functions they name (`updateCorporateSubWalletCaps()`): each must be one a
 * developer can call.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { expect, it } from 'vitest'
import * as catalogueEn from '../../packages/sdk-core/src/errors/messagesEn.js'
import { messagesZhCN } from '../../packages/sdk-core/src/errors/messagesZhCN.js'
import { usccCheckProblem } from '../../packages/sdk-core/src/ids/schemas.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
/** Public sub-path entries (`src/exports/*.ts`), not `internal` (no promise to users) nor tests. */
const subPaths = (pkg: string) => {
  const dir = `${root}packages/${pkg}/src/exports/`
  let files: string[] = []
  try {
    files = readdirSync(dir)
  } catch {
    return []
  }
  return files
    .filter((f) => f.endsWith('.ts') && !f.includes('.test.') && f !== 'internal.ts')
    .map((f) => dir + f)
}
const entries = ['sdk-core', 'sdk-merchant', 'sdk-react'].flatMap((pkg) => [
  `${root}packages/${pkg}/src/index.ts`,
  ...subPaths(pkg),
])
/** The rails' own exports: a gateway message may name one of those too (`createRails()`). */
const railsEntry = `${root}packages/mock-rails/src/index.ts`

/** Input names (options, parameters, config, props and hook parameters, nested) and callable names of the SDK's surface. */
let surface: { inputs: Set<string>; callables: Set<string> } | undefined

function surfaceNames(): { inputs: Set<string>; callables: Set<string> } {
  if (surface) return surface
  const program = ts.createProgram([...entries, railsEntry], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  })
  const checker = program.getTypeChecker()
  const inputs = new Set<string>()
  const callables = new Set<string>()
  const seen = new Set<ts.Type>()

  const collect = (type: ts.Type, depth: number) => {
    if (depth > 4 || seen.has(type)) return
    seen.add(type)
    if (type.isUnionOrIntersection()) for (const part of type.types) collect(part, depth)
    for (const signature of type.getCallSignatures()) {
      const returned = checker.getReturnTypeOfSignature(signature)
      collect(checker.getAwaitedType(returned) ?? returned, depth + 1)
    }
    if (!(type.flags & ts.TypeFlags.Object) || checker.isArrayType(type)) return
    for (const property of type.getProperties()) {
      inputs.add(property.name)
      const declaration = property.valueDeclaration ?? property.declarations?.[0]
      if (declaration) collect(checker.getTypeOfSymbolAtLocation(property, declaration), depth + 1)
    }
  }

  const clientLike = /Client\b/
  for (const file of entries) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(file)!)!
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
      const declaration = symbol.valueDeclaration
      if (!declaration) continue
      callables.add(exported.name)
      const type = checker.getTypeOfSymbolAtLocation(symbol, declaration)
      for (const signature of type.getCallSignatures()) {
        const parameters = signature.getParameters()
        const first = parameters[0] && checker.getTypeOfSymbolAtLocation(parameters[0], declaration)
        const isAction = first !== undefined && clientLike.test(checker.typeToString(first))
        const isFactoryOrComponent = /^create\w*Client$|^[A-Z]/.test(exported.name)
        const isHook = /^use[A-Z]/.test(exported.name)
        if (!isAction && !isFactoryOrComponent && !isHook) continue
        for (const parameter of isAction ? parameters.slice(1) : parameters) {
          collect(checker.getTypeOfSymbolAtLocation(parameter, declaration), 0)
        }
        if (isFactoryOrComponent) {
          // A client's namespaces and methods (`clientTokens.create`) are callables too.
          const client = checker.getReturnTypeOfSignature(signature)
          for (const member of client.getProperties()) callables.add(member.name)
        }
      }
    }
  }
  const rails = checker.getSymbolAtLocation(program.getSourceFile(railsEntry)!)!
  for (const exported of checker.getExportsOfModule(rails)) callables.add(exported.name)
  surface = { inputs, callables }
  return surface
}

/** The text of every string and template literal in the rails' sources (tests left out). */
function railsTexts(): string[] {
  const texts: string[] = []
  const walkDir = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`
      if (entry.isDirectory()) walkDir(path)
      else if (entry.name.endsWith('.ts') && !entry.name.includes('.test.')) {
        const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true)
        const visit = (node: ts.Node) => {
          if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) texts.push(node.text)
          else if (ts.isTemplateExpression(node)) {
            texts.push(node.head.text + node.templateSpans.map((span) => ` ${span.literal.text}`).join(''))
          }
          ts.forEachChild(node, visit)
        }
        visit(file)
      }
    }
  }
  walkDir(`${root}packages/mock-rails/src`)
  return texts
}

/** Every catalogue text (both locales) and the USCC check message, placeholders removed. */
function catalogueTexts(): string[] {
  const texts: string[] = []
  const add = (entry: { message?: string; hint?: string }) => {
    for (const text of [entry.message, entry.hint]) if (text) texts.push(text.replace(/\{\w+\}/g, ''))
  }
  for (const entry of Object.values(catalogueEn.errorMessagesEn)) add(entry)
  for (const value of Object.values(catalogueEn)) {
    if (value && typeof value === 'object' && 'id' in value) add(value as { message?: string; hint?: string })
  }
  for (const entry of Object.values(messagesZhCN)) add(entry)
  texts.push(usccCheckProblem('91110108MA0000001E')!)
  return texts
}

it('names only real options and functions in hints', { timeout: 120_000 }, () => {
  const { inputs, callables } = surfaceNames()
  // The test would pass vacuously if the type walk found nothing: check it sees known options.
  for (const known of ['timeoutMs', 'idempotencyKey', 'maxResponseBytes', 'allowInvalidUsccCheck', 'appId']) {
    expect(inputs).toContain(known)
  }
  const unknown = new Set<string>()
  for (const text of catalogueTexts()) {
    for (const match of text.matchAll(/(?<![\w.])([a-z]+(?:[A-Z][a-z0-9]*)+)(\(\))?/g)) {
      const [, name, call] = match
      const known = call ? callables.has(name!) : inputs.has(name!) || callables.has(name!)
      if (!known) unknown.add(`${name}${call ?? ''} in: ${text}`)
    }
  }
  expect([...unknown]).toEqual([])
})

it('catches an option that does not exist', { timeout: 120_000 }, () => {
  const { inputs } = surfaceNames()
  // The schema builder's own option is not an action's option: the old hint named it and misled.
  expect(inputs.has('allowInvalidCheck')).toBe(false)
  expect(usccCheckProblem('91110108MA0000001E')).toContain('allowInvalidUsccCheck: true')
})

it("names only real functions in the simulated gateway's messages", { timeout: 120_000 }, () => {
  const { callables } = surfaceNames()
  // Sub-path entries are read: the corporate actions are there, not in the main entry.
  expect(callables).toContain('updateCorporateSubWalletCaps')
  const named = new Set<string>()
  const unknown = new Set<string>()
  for (const text of railsTexts()) {
    for (const match of text.matchAll(/(?<![\w.])([a-z]+(?:[A-Z][a-z0-9]*)+)\(\)/g)) {
      named.add(match[1]!)
      if (!callables.has(match[1]!)) unknown.add(`${match[1]}() in: ${text}`)
    }
  }
  expect(named).toContain('updateCorporateSubWalletCaps')
  expect([...unknown]).toEqual([])
})
