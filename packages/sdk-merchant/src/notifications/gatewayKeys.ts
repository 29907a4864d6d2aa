/** A JSON Web Key Set as published at `/.well-known/jwks.json` (structural, no `jose` import). */
export type JSONWebKeySetLike = { keys: readonly object[] }
