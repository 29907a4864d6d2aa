import { importJWK, type JWK } from 'jose'

/** An app allowed to call the rails with server credentials. */
export type AppRecord = {
  appId: string
  keys: Array<{ kid: string; alg: 'ES256' | 'EdDSA'; publicJwk: JWK }>
  /** Merchants the app may act for; `null` = any merchant (a wallet-side or demo app). */
  merchantIds: string[] | null
}

export type RegisterAppParameters = {
  appId: string
  /** The app's public key. Its `kid` names it in request signatures (one is assigned if absent). */
  publicJwk: JWK
  merchantIds?: string[]
}

/** The JWS algorithm a public key is for, from `alg` or its curve. Only ES256 and EdDSA exist here. */
export function algorithmOf(jwk: JWK): 'ES256' | 'EdDSA' {
  if (jwk.alg === 'ES256' || (jwk.kty === 'EC' && jwk.crv === 'P-256' && !jwk.alg)) return 'ES256'
  if (
    jwk.alg === 'EdDSA' ||
    jwk.alg === 'Ed25519' ||
    (jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && !jwk.alg)
  )
    return 'EdDSA'
  throw new TypeError(`Unsupported app key: use an ES256 (EC P-256) or EdDSA (Ed25519) public JWK.`)
}

/** Registered apps and their keys, looked up by `kid` when a signed request arrives. */
export function createAppRegistry() {
  const apps = new Map<string, AppRecord>()
  const byKid = new Map<string, AppRecord>()
  const imported = new Map<string, Promise<CryptoKey>>()

  return {
    register(params: RegisterAppParameters): { appId: string; kid: string } {
      if ('d' in params.publicJwk)
        throw new TypeError('registerApp takes the public key; never hand the private key over.')
      const alg = algorithmOf(params.publicJwk)
      const app = apps.get(params.appId) ?? { appId: params.appId, keys: [], merchantIds: null }
      const kid = params.publicJwk.kid ?? `${params.appId}-key-${app.keys.length + 1}`
      const owner = byKid.get(kid)
      if (owner && owner.appId !== params.appId)
        throw new TypeError(`Key id ${kid} already belongs to another app.`)
      app.keys = app.keys.filter((key) => key.kid !== kid)
      app.keys.push({ kid, alg, publicJwk: { ...params.publicJwk, kid } })
      if (params.merchantIds !== undefined) app.merchantIds = [...params.merchantIds]
      apps.set(app.appId, app)
      byKid.set(kid, app)
      imported.delete(kid)
      return { appId: app.appId, kid }
    },
    get(appId: string): AppRecord | undefined {
      return apps.get(appId)
    },
    /** The app and imported key for a `kid`, or `undefined` for a key the rails do not know. */
    keyFor(kid: string): { app: AppRecord; alg: 'ES256' | 'EdDSA'; key: Promise<CryptoKey> } | undefined {
      const app = byKid.get(kid)
      const entry = app?.keys.find((key) => key.kid === kid)
      if (!app || !entry) return undefined
      let key = imported.get(kid)
      if (!key) {
        key = importJWK(entry.publicJwk, entry.alg) as Promise<CryptoKey>
        imported.set(kid, key)
      }
      return { app, alg: entry.alg, key }
    },
    /** Replaces every app with saved ones (restore). */
    load(saved: AppRecord[]): void {
      apps.clear()
      byKid.clear()
      imported.clear()
      for (const app of saved) {
        const copy = { ...app, keys: [...app.keys] }
        apps.set(copy.appId, copy)
        for (const key of copy.keys) byKid.set(key.kid, copy)
      }
    },
    export(): AppRecord[] {
      return [...apps.values()].map((app) => ({ ...app, keys: [...app.keys] }))
    },
  }
}

export type AppRegistry = ReturnType<typeof createAppRegistry>
