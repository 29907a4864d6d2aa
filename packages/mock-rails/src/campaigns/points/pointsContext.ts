import type { PointsRules } from '@ecny/protocol/points'
import { type CoreContext, nextId } from '../../engine/engineContext.js'
import { emptyBook } from './pointsLedger.js'
import { defaultPointsRules } from './pointsRules.js'
import { type PointsBookRecord, type PointsState, pointsStateOf } from './pointsState.js'

/** What every points operation works with: the rails core and the points maps. */
export type PointsContext = {
  ctx: CoreContext
  store: PointsState
  rules(): PointsRules
  /** The wallet's book, made empty the first time. */
  book(walletId: string): PointsBookRecord
  nextEntryId(): string
}

export function createPointsContext(ctx: CoreContext): PointsContext {
  const store = pointsStateOf(ctx.state)
  return {
    ctx,
    store,
    rules: () => ({ ...defaultPointsRules, ...store.pointsSettings.get('rules') }),
    book(walletId) {
      let book = store.pointsBooks.get(walletId)
      if (!book) {
        book = emptyBook(walletId)
        store.pointsBooks.set(walletId, book)
      }
      return book
    },
    nextEntryId: () => nextId(ctx, 'pts'),
  }
}
