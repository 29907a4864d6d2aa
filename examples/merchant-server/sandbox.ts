import { type Sandbox, type StartSandboxOptions, startSandbox } from '@ecny/mock-rails'
// TODO(mock-rails): `startSandbox` does not yet serve the merchant domain (scenes, statements,
// government bills, transit taps), and `attachMerchantDomain` is not exported from
// `@ecny/mock-rails`. Until one of those lands, the examples attach it from the package's source.
import { attachMerchantDomain } from '../../packages/mock-rails/src/merchants/attachMerchantDomain.js'

/**
 * The sandbox the examples run against: `startSandbox` (loopback, signed protocol, automatic
 * notifications) with the merchant domain served too (statements, scenes, `gov`, `transit`).
 */
export async function startExampleSandbox(options: StartSandboxOptions = {}): Promise<Sandbox> {
  const sandbox = await startSandbox({ log: false, ...options })
  attachMerchantDomain(sandbox.rails)
  return sandbox
}
