import { RailsError } from '../support/railsError.js'
import type { TransitScene } from './transitScene.js'

/** A registered gate and the station it stands in. */
export type RegisteredGate = { gateId: string; stationId: string }

/**
 * The gate `gateId` as registered on the transit scene, or `gate_unknown` (nothing is charged for a
 * tap or scan from a gate the operator has not registered; DOMAIN §7 "Gates and stations are
 * registered; a tap from an unknown gate is refused"). `field` names the input, e.g. `taps[3].gateId`.
 *
 * @example
 * const { stationId } = registeredGate(transit, 'GATE0001', 'gateId')
 */
export function registeredGate(transit: TransitScene, gateId: string, field: string): RegisteredGate {
  const gate = gateIndex(transit).get(gateId)
  if (!gate) {
    throw new RailsError(
      'gate_unknown',
      `Gate ${gateId} (${field}) is not registered on transit scene ${transit.scene.id}. Register it with its station in the scene's gates, or fix the gate id; nothing was charged.`,
      { sceneId: transit.scene.id, gateId, field },
    )
  }
  return gate
}

/** Whether `gateId` is registered on the scene (the check without building a field name per tap). */
export function isRegisteredGate(transit: TransitScene, gateId: string): boolean {
  return gateIndex(transit).has(gateId)
}

const indexes = new WeakMap<TransitScene['settings'], Map<string, RegisteredGate>>()

/** Gate id → gate, built once per scene's settings (a day's upload looks up every tap's gate). */
function gateIndex(transit: TransitScene): Map<string, RegisteredGate> {
  let index = indexes.get(transit.settings)
  if (!index) {
    index = new Map(
      transit.settings.gates.map((gate) => [gate.id, { gateId: gate.id, stationId: gate.stationId }]),
    )
    indexes.set(transit.settings, index)
  }
  return index
}
