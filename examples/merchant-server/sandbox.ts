import { type Sandbox, type StartSandboxOptions, startSandbox } from '@ecny/mock-rails'

/** The sandbox the examples run against: `startSandbox` with its request log off, so output stays readable. */
export async function startExampleSandbox(options: StartSandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ log: false, ...options })
}
