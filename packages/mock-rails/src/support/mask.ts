/**
 * Masking the Chinese way, for everything the rails return or log about a person: the gateway never
 * hands back a full mobile, ID number or card number.
 */
export function maskMobile(mobile: string): string {
  if (mobile.length < 8) return '*'.repeat(mobile.length)
  return `${mobile.slice(0, 3)}****${mobile.slice(-4)}`
}

/** `110105********1235`: first 6 and last 4 kept. */
export function maskIdNumber(id: string): string {
  return `${id.slice(0, 6)}${'*'.repeat(Math.max(0, id.length - 10))}${id.slice(-4)}`
}

/** `**** 1234`: the last four digits of a card or account. */
export function maskCard(card: string): string {
  return `****${card.slice(-4)}`
}

/** `张*` / `欧阳**`: the family name's first character kept. */
export function maskName(name: string): string {
  const chars = [...name]
  return chars.length <= 1 ? name : `${chars[0]}${'*'.repeat(chars.length - 1)}`
}

/** `002250******5081`: first 6 and last 4 of a wallet id. */
export function maskWalletId(id: string): string {
  return id.length <= 10 ? id : `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`
}
