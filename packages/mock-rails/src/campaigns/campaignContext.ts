import { type CompiledAudience, compileAudience, EcnyError, splitRedEnvelope } from '@ecny/sdk-core'
import type { CoreContext } from '../engine/engineContext.js'
import { RailsError } from '../support/railsError.js'
import type { CampaignRecord, CampaignState } from './campaignState.js'

/** What every campaign operation works with. */
export type CampaignContext = {
  ctx: CoreContext
  store: CampaignState
  /** The compiled audience of an expression (cached: the same predicate the SDK compiles). */
  audience(expression: string): CompiledAudience
  /** A split red envelope's shares, drawn once per campaign (seeded by the campaign id). */
  shares(campaign: CampaignRecord): number[]
}

export function createCampaignContext(ctx: CoreContext, store: CampaignState): CampaignContext {
  const audiences = new Map<string, CompiledAudience>()
  const splits = new Map<string, number[]>()
  return {
    ctx,
    store,
    audience(expression) {
      let compiled = audiences.get(expression)
      if (!compiled) {
        compiled = compileAudience(expression)
        audiences.set(expression, compiled)
      }
      return compiled
    },
    shares(campaign) {
      const rule = campaign.rule
      if (rule.type !== 'PT01' || !rule.split) return []
      const key = `${campaign.id}\u241f${rule.split.total}\u241f${rule.split.count}`
      let shares = splits.get(key)
      if (!shares) {
        shares = splitRedEnvelope(rule.split.total, rule.split.count, `${campaign.id}/envelope`)
        splits.set(key, shares)
      }
      return shares
    },
  }
}

/** Runs SDK rule code; its `EcnyError`s become the gateway's `RailsError`s (same code and details). */
export function rethrow<T>(run: () => T, path?: string): T {
  try {
    return run()
  } catch (error) {
    if (!(error instanceof EcnyError)) throw error
    const details = {
      ...error.details,
      ...(error.hint && { hint: error.hint }),
      ...(path !== undefined && { path }),
    }
    const message =
      error.hint && !error.hint.includes('\n') ? `${error.shortMessage} ${error.hint}` : error.shortMessage
    throw new RailsError(error.code as RailsError['code'], message, details)
  }
}
