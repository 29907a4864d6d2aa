import { RailsError } from './railsError.js'

export type PageParameters = { limit?: number | undefined; cursor?: string | null | undefined }
export type Page<W> = { data: W[]; nextCursor: string | null }

export const defaultPageLimit = 20
export const maxPageLimit = 100

/**
 * A newest-first page over an append-only list (oldest first in memory). The cursor names a
 * position in that list, so items added while a client pages do not shift what it sees next.
 */
export function pageNewestFirst<T, W>(
  items: readonly T[],
  params: PageParameters,
  toWire: (item: T, index: number) => W,
): Page<W> {
  const limit = Math.min(Math.max(params.limit ?? defaultPageLimit, 1), maxPageLimit)
  let start = items.length - 1
  if (params.cursor) {
    const match = /^c([0-9a-z]+)$/.exec(params.cursor)
    const position = match ? Number.parseInt(match[1]!, 36) : Number.NaN
    if (!Number.isInteger(position) || position < 0 || position >= items.length) {
      throw new RailsError(
        'invalid_request',
        'Invalid request: cursor: not a cursor from this list. Pass nextCursor from the previous page as it was.',
        { issues: [{ path: 'cursor', message: 'unknown cursor' }] },
      )
    }
    start = position
  }
  const data: W[] = []
  let i = start
  for (; i >= 0 && data.length < limit; i--) data.push(toWire(items[i]!, i))
  return { data, nextCursor: i >= 0 ? `c${i.toString(36)}` : null }
}
