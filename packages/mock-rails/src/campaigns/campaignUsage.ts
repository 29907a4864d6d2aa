import { normalizeMobile } from '@ecny/sdk-core/internal'
import type { WalletRecord } from '../state/records.js'
import { shanghaiDay } from '../support/shanghaiTime.js'
import type { CampaignContext } from './campaignContext.js'
import type { CampaignRecord, CampaignUsageRecord } from './campaignState.js'
import { sep } from './campaignState.js'

const offsetMs = 8 * 3_600_000

/** Months since year 0 in Asia/Shanghai: equal for two instants in the same Shanghai calendar month. */
export function shanghaiMonth(ms: number): number {
  const local = new Date(ms + offsetMs)
  return local.getUTCFullYear() * 12 + local.getUTCMonth()
}

/** The next Shanghai midnight and first-of-month after `ms`, for "try again at" hints. */
export function nextResets(ms: number): { day: number; month: number } {
  const local = new Date(ms + offsetMs)
  const day = (shanghaiDay(ms) + 1) * 86_400_000 - offsetMs
  const month = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - offsetMs
  return { day, month }
}

/** The wallet's use of the campaign now (counters of a past day or month read as zero). */
export function usageOf(cc: CampaignContext, campaignId: string, walletId: string, now: number) {
  const record = cc.store.campaignUsage.get(`${campaignId}${sep}${walletId}`)
  if (!record) return { today: 0, thisMonth: 0, total: 0 }
  return {
    today: record.day === shanghaiDay(now) ? record.today : 0,
    thisMonth: record.month === shanghaiMonth(now) ? record.thisMonth : 0,
    total: record.total,
  }
}

/** Counts one benefit for the wallet (today, this month, ever) and the campaign's reach and count. */
export function recordGrant(
  cc: CampaignContext,
  campaign: CampaignRecord,
  walletId: string,
  now: number,
): void {
  const key = `${campaign.id}${sep}${walletId}`
  let record = cc.store.campaignUsage.get(key)
  if (!record) {
    record = {
      day: shanghaiDay(now),
      today: 0,
      month: shanghaiMonth(now),
      thisMonth: 0,
      total: 0,
    } satisfies CampaignUsageRecord
    cc.store.campaignUsage.set(key, record)
  }
  const day = shanghaiDay(now)
  const month = shanghaiMonth(now)
  if (record.day !== day) {
    record.day = day
    record.today = 0
  }
  if (record.month !== month) {
    record.month = month
    record.thisMonth = 0
  }
  if (record.total === 0) campaign.reach++
  record.today++
  record.thisMonth++
  record.total++
  campaign.countUsed++
  campaign.claims.granted++
}

/**
 * Who a wallet belongs to, for one-per-identity: the ID number (real-name wallets), else the mobile
 * number in its one mainland spelling (anonymous WL04; `+86…` and the 11 digits are one person), else the USCC (corporate), else the wallet itself.
 */
export function identityOf(wallet: WalletRecord): string {
  const { holder } = wallet
  if (holder.idNumber) return `id:${holder.idNumber}`
  if (holder.mobile) return `mobile:${normalizeMobile(holder.mobile)}`
  if (holder.uscc) return `uscc:${holder.uscc}`
  return `wallet:${wallet.id}`
}
