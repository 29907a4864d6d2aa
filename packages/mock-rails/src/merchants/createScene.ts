import {
  createSceneRequest,
  governmentSettings,
  retailSettings,
  transitSettings,
  utilitySettings,
} from '@ecny/protocol'
import type * as z from 'zod/mini'
import { nextId } from '../engine/engineContext.js'
import { parseParams } from '../support/parseParams.js'
import { parseParamsAt } from '../support/parseParamsAt.js'
import type { MerchantContext } from './merchantContext.js'
import { approvedMerchant } from './merchantLookups.js'
import type { SceneRecord } from './merchantState.js'
import { sceneToWire } from './merchantWire.js'

const settingsOf = {
  retail: retailSettings,
  transit: transitSettings,
  government: governmentSettings,
  utility: utilitySettings,
}

/** `POST /v1/merchants/{id}/scenes`: a place the approved merchant takes payments, with its kind's settings. */
export function createScene(
  mc: MerchantContext,
  merchantId: string,
  input: z.input<typeof createSceneRequest>,
) {
  approvedMerchant(mc, merchantId)
  const params = parseParams(createSceneRequest, input)
  const settings = parseParamsAt('settings', settingsOf[params.kind] as z.ZodMiniType, params.settings)
  const record: SceneRecord = {
    id: nextId(mc.ctx, 'scn'),
    merchantId,
    kind: params.kind,
    name: params.name,
    areaCode: params.areaCode,
    settings: settings as Record<string, unknown>,
    createdAt: mc.now(),
  }
  mc.store.scenes.set(record.id, record)
  return sceneToWire(record)
}
