import type { Rails } from '../createRails.js'
import type { AppRegistry } from '../http/auth/appRegistry.js'
import type { IdempotencyStore } from '../http/idempotencyStore.js'
import type { NotificationOutbox } from '../notifications/notificationOutbox.js'
import type { GatewayKeyRing } from '../signing/gatewayKeyRing.js'
import type { RandomSource } from '../support/mulberry32.js'
import type { RailsState } from './railsState.js'

/** The live parts of one rails that the durable sandbox saves after every operation. */
export type RailsInternals = {
  state: RailsState
  random: RandomSource
  keys: GatewayKeyRing
  apps: AppRegistry
  outbox: NotificationOutbox
  idempotency: IdempotencyStore
}

const internals = new WeakMap<Rails, RailsInternals>()

/** Called once by `createRails`. Not part of the public API. */
export function setRailsInternals(rails: Rails, parts: RailsInternals): void {
  internals.set(rails, parts)
}

/**
 * The live state behind `rails` (its maps, keys, apps, outbox, idempotency records), for the
 * durable sandbox. Throws for an object `createRails` did not make.
 *
 * @example
 * const { state, idempotency } = railsInternalsOf(rails)
 */
export function railsInternalsOf(rails: Rails): RailsInternals {
  const parts = internals.get(rails)
  if (!parts) throw new TypeError('Not rails made by createRails().')
  return parts
}
