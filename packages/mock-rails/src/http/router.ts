import { RailsError } from '../support/railsError.js'
import type { RouteDefinition } from './routeDefinition.js'

export type RouteMatch = { route: RouteDefinition; params: Record<string, string>; key: string }

/**
 * Matches a method and path against route templates (`/v1/orders/{id}/pay`). Built once per rails;
 * literal segments beat parameters, so `/v1/orders/{id}` never swallows a fixed path.
 */
export function createRouter(routes: readonly RouteDefinition[]) {
  const compiled = routes.map((route) => ({
    route,
    key: `${route.method} ${route.path}`,
    segments: route.path.split('/').slice(1),
  }))
  const paramCount = (segments: string[]) => segments.filter((segment) => segment.startsWith('{')).length
  compiled.sort((a, b) => paramCount(a.segments) - paramCount(b.segments))
  return {
    match(method: string, path: string): RouteMatch | 'method_not_allowed' | undefined {
      const segments = path.split('/').slice(1)
      let pathMatched = false
      for (const candidate of compiled) {
        if (candidate.segments.length !== segments.length) continue
        const params: Record<string, string> = {}
        let ok = true
        for (let i = 0; i < segments.length; i++) {
          const template = candidate.segments[i]!
          const actual = segments[i]!
          if (template.startsWith('{')) {
            if (!actual) ok = false
            else params[template.slice(1, -1)] = decodeSegment(actual)
          } else if (template !== actual) ok = false
          if (!ok) break
        }
        if (!ok) continue
        pathMatched = true
        if (candidate.route.method === method) return { route: candidate.route, params, key: candidate.key }
      }
      return pathMatched ? 'method_not_allowed' : undefined
    },
  }
}

/** A path parameter, percent-decoded; a malformed escape (`%E0%A4%A`) is the client's error, a 400. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw new RailsError(
      'invalid_request',
      `Invalid request: the path segment "${segment.slice(0, 64)}" has a malformed percent-escape. Encode ids with encodeURIComponent.`,
      { issues: [{ path: 'path', message: 'malformed percent-escape' }] },
    )
  }
}
