/** A run of characters that can make up a compact JWS: base64url segments joined by dots. */
const TOKEN_RUN = /[A-Za-z0-9_.-]+/g

/**
 * Replaces every compact JWS/JWT inside `text` — `eyJ…` followed by two to four more `.`-separated
 * base64url segments — with `replacement`, in time linear in the length of `text`.
 *
 * A single regular expression for this (`eyJ[…]*(?:\.[…]*){2,4}`) rescans the rest of the run from
 * every `eyJ` that is not followed by enough dots, which is quadratic on input like `eyJeyJeyJ…`.
 * Here each run of token characters is found once and split at its dots; the segments are then
 * walked once.
 *
 * @example
 * redactCompactJws('sig eyJhbGciOi.eyJpc3Mi.c2ln ok', '[REDACTED]') // 'sig [REDACTED] ok'
 */
export function redactCompactJws(text: string, replacement: string): string {
  if (!text.includes('eyJ')) return text
  return text.replace(TOKEN_RUN, (run) => (run.includes('eyJ') ? redactRun(run, replacement) : run))
}

/** One run of `[A-Za-z0-9_.-]`: redacts from each `eyJ` that has at least two dots after it. */
function redactRun(run: string, replacement: string): string {
  const segments = run.split('.')
  const out: string[] = []
  let i = 0
  while (i < segments.length) {
    const segment = segments[i]!
    const start = segment.indexOf('eyJ')
    const following = segments.length - 1 - i
    if (start === -1 || following < 2) {
      out.push(segment)
      i++
      continue
    }
    // As the pattern would: the JWS takes the rest of this segment and at most four more segments.
    out.push(segment.slice(0, start) + replacement)
    i += Math.min(4, following) + 1
  }
  return out.join('.')
}
