import { createTerminalRequest } from '@ecny/protocol'
import type * as z from 'zod/mini'
import { nextId } from '../engine/engineContext.js'
import { parseParams } from '../support/parseParams.js'
import { RailsError } from '../support/railsError.js'
import type { MerchantContext } from './merchantContext.js'
import { approvedMerchant, sceneRecord } from './merchantLookups.js'
import { terminalToWire } from './merchantWire.js'

/** `POST /v1/scenes/{id}/terminals`: a device of the scene; one registration per device id. */
export function createTerminal(
  mc: MerchantContext,
  sceneId: string,
  input: z.input<typeof createTerminalRequest>,
) {
  const scene = sceneRecord(mc, sceneId)
  approvedMerchant(mc, scene.merchantId)
  const params = parseParams(createTerminalRequest, input)
  const deviceKey = `${sceneId}\u241f${params.deviceId}`
  const existing = mc.store.terminalByDevice.get(deviceKey)
  if (existing !== undefined) {
    throw new RailsError(
      'conflict',
      `Device ${params.deviceId} is already registered in scene ${sceneId} as ${existing}.`,
      { terminalId: existing },
    )
  }
  const record = { id: nextId(mc.ctx, 'trm'), sceneId, ...params, createdAt: mc.now() }
  mc.store.terminals.set(record.id, record)
  mc.store.terminalByDevice.set(deviceKey, record.id)
  return terminalToWire(record)
}
