/**
 * A gateway client the way a Java or Go team writes one: no SDK, only node:crypto and fetch, signing
 * and verifying by the protocol as docs/testing.md ("From any language") and docs/protocol describe
 * it. Against a sandbox in test mode it moves the rails' clock a day forward, creates a QR order,
 * has a test wallet pay it, reads the order back and checks the ledger; it prints one JSON line.
 *
 *   node plainHttpClient.mjs SANDBOX_URL '{"appId":…,"privateKey":{…JWK…}}'
 */
import { createHash, createPrivateKey, createPublicKey, randomUUID, sign, verify } from 'node:crypto'

const [baseUrl, credentialJson] = process.argv.slice(2)
const credential = JSON.parse(credentialJson)
const privateKey = createPrivateKey({ key: credential.privateKey, format: 'jwk' })

const base64url = (bytes) => Buffer.from(bytes).toString('base64url')
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('base64url')

/** Ecny-Signature: a compact ES256 JWS, typ ecny-request+jws, over {iss, htm, htu, iat, jti, bdh}. */
function requestSignature(method, pathWithQuery, body) {
  const header = { alg: 'ES256', kid: credential.privateKey.kid, typ: 'ecny-request+jws' }
  const claims = {
    iss: credential.appId,
    htm: method,
    htu: pathWithQuery,
    iat: Math.floor(Date.now() / 1000), // this machine's clock, in seconds
    jti: randomUUID(), // fresh for every attempt
    bdh: sha256(body), // base64url(SHA-256(the exact body bytes)); empty body for a GET
  }
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`
  const signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' })
  return `${input}.${base64url(signature)}`
}

let gatewayKeys
/** Checks the gateway's signature over the raw answer bytes, and that it answers this request with this status. */
async function verifyAnswer(response, bytes, method, pathWithQuery) {
  gatewayKeys ??= (await (await fetch(`${baseUrl}/.well-known/jwks.json`)).json()).keys
  const [headerPart, claimsPart, signaturePart] = (response.headers.get('ecny-signature') ?? '').split('.')
  const header = JSON.parse(Buffer.from(headerPart, 'base64url').toString())
  const jwk = gatewayKeys.find((key) => key.kid === header.kid)
  if (header.alg !== 'ES256' || header.typ !== 'ecny-response+jws' || !jwk)
    throw new Error('unexpected signer')
  const ok = verify(
    'sha256',
    Buffer.from(`${headerPart}.${claimsPart}`),
    { key: createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' },
    Buffer.from(signaturePart, 'base64url'),
  )
  const claims = JSON.parse(Buffer.from(claimsPart, 'base64url').toString())
  if (!ok || claims.bdh !== sha256(bytes) || claims.sts !== response.status)
    throw new Error('bad gateway signature')
  if (claims.htm !== method || claims.htu !== pathWithQuery) throw new Error('answer to another request')
  if (Math.abs(Date.now() / 1000 - claims.iat) > 300) throw new Error('stale gateway signature')
}

async function call(method, pathWithQuery, payload) {
  const body = payload === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(payload))
  const headers = { 'ecny-signature': requestSignature(method, pathWithQuery, body) }
  if (payload !== undefined) headers['content-type'] = 'application/json'
  if (method === 'POST') headers['idempotency-key'] = randomUUID() // one per logical call, reused on retries
  const response = await fetch(`${baseUrl}${pathWithQuery}`, {
    method,
    headers,
    ...(method !== 'GET' && { body }),
  })
  const bytes = Buffer.from(await response.arrayBuffer())
  await verifyAnswer(response, bytes, method, pathWithQuery)
  const json = JSON.parse(bytes.toString('utf8'))
  if (!response.ok)
    throw new Error(
      `${method} ${pathWithQuery}: ${response.status} ${json.error.code}: ${json.error.message}`,
    )
  return json
}

const before = await call('GET', '/v1/test/clock')
const advanced = await call('POST', '/v1/test/clock/advance', { seconds: 86_400 })
const order = await call('POST', '/v1/orders', {
  merchantOrderNo: `JAVA-${Date.now()}`,
  amount: 2_580,
  description: 'Noodles',
  mode: 'qr',
})
const triggered = await call('POST', '/v1/test/triggers', { action: 'pay', orderId: order.id })
const reread = await call('GET', `/v1/orders/${encodeURIComponent(order.id)}`)
const ledger = await call('GET', '/v1/test/ledger/verification')
console.log(
  JSON.stringify({
    clockBefore: before.now,
    clockAfter: advanced.now,
    offsetSeconds: advanced.offsetSeconds,
    orderId: order.id,
    createdStatus: order.status,
    paidBy: triggered.walletId,
    status: reread.status,
    paidAmount: reread.paidAmount,
    ledgerOk: ledger.ok,
  }),
)
