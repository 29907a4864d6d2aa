import { RailsError } from './railsError.js'

/** Which states each state may move to. States missing from the table are final. */
export type TransitionTable<S extends string> = { readonly [From in S]: readonly S[] }

export type StateMachine<S extends string> = {
  readonly name: string
  readonly table: TransitionTable<S>
  can(from: S, to: S): boolean
  /** Throws 409 `invalid_state` naming the allowed moves when `from → to` is not in the table. */
  assert(from: S, to: S): void
}

/** Builds a state machine from an explicit transition table. */
export function defineStateMachine<S extends string>(
  name: string,
  table: TransitionTable<S>,
): StateMachine<S> {
  const can = (from: S, to: S) => table[from]?.includes(to) ?? false
  return {
    name,
    table,
    can,
    assert(from, to) {
      if (can(from, to)) return
      const allowed = table[from] ?? []
      throw new RailsError(
        'invalid_state',
        `A ${name} that is ${from} cannot become ${to}` +
          (allowed.length ? ` (from ${from} it may become ${allowed.join(', ')}).` : ` (${from} is final).`) +
          ` Fetch the ${name} to see its current state.`,
        { resource: name, from, to, allowed },
      )
    },
  }
}
