import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { expect, it } from 'vitest'
import { browserVariants } from '../../../sdk-core/build/browserVariants.js'

it('the notifications entry bundles for edge runtimes with no Node built-in in its graph', async () => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./notifications.ts', import.meta.url))],
    bundle: true,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['browser', 'import'],
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'sdk-core-from-source',
        setup(build) {
          build.onResolve({ filter: /^@ecny\/sdk-core(\/internal)?$/ }, (args) => ({
            path: fileURLToPath(
              new URL(
                args.path.endsWith('/internal')
                  ? '../../../sdk-core/src/exports/internal.ts'
                  : '../../../sdk-core/src/index.ts',
                import.meta.url,
              ),
            ),
          }))
        },
      },
      browserVariants,
    ],
  })
  const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((i) => i.path))
  expect(imports.filter((path) => path.startsWith('node:'))).toEqual([])
  expect(Object.keys(result.metafile.inputs).some((path) => path.endsWith('verifyNotification.ts'))).toBe(
    true,
  )
})
