import type { transitSettings } from '@ecny/protocol'
import type * as z from 'zod/mini'
import { invalidField } from '../merchants/invalidField.js'
import type { MerchantContext } from '../merchants/merchantContext.js'
import { approvedMerchant, sceneRecord } from '../merchants/merchantLookups.js'
import type { SceneRecord } from '../merchants/merchantState.js'

export type TransitSettings = z.output<typeof transitSettings>

/** A transit scene with its settings typed (they were validated by `transitSettings` when it was created). */
export type TransitScene = { scene: SceneRecord; settings: TransitSettings }

/**
 * The transit scene `sceneId` of an approved merchant; `invalid_request` naming `sceneId` for a scene
 * of another kind.
 *
 * @example
 * const { scene, settings } = transitScene(mc, 'scn_1')
 */
export function transitScene(mc: MerchantContext, sceneId: string): TransitScene {
  const scene = sceneRecord(mc, sceneId)
  approvedMerchant(mc, scene.merchantId)
  if (scene.kind !== 'transit')
    throw invalidField('sceneId', `scene ${scene.id} is a ${scene.kind} scene, not a transit one`)
  return { scene, settings: scene.settings as TransitSettings }
}
