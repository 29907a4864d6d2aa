import type { PointsRules } from '@ecny/protocol/points'

/**
 * The points programme's defaults, each a setting (`PATCH /v1/points/rules`), never a constant in
 * logic. Source: ABC Suzhou 2023 (taicangdaily.com 2023-05-08, DOMAIN.md §7) unless marked.
 */
export const defaultPointsRules: PointsRules = {
  /** ABC Suzhou 2023: 500 points for a new wallet. */
  newWallet: 500,
  /** ABC Suzhou 2023: 5 points per transfer, once a day. */
  perTransfer: 5,
  /** ABC Suzhou 2023: 5 points per top-up, once a day. */
  perTopUp: 5,
  /** ABC Suzhou 2023: credited after 3 working days. */
  creditAfterWorkingDays: 3,
  /** ABC Suzhou 2023 says valid 1–2 years: the shorter, one year, is the default. */
  validForDays: 365,
  /** ABC Suzhou 2023: redemption at most 3 times a day. */
  redemptionsPerDay: 3,
  /** Unconfirmed: what a point is worth is not published; 1 fen per point is assumed. */
  fenPerPoint: 1,
}
