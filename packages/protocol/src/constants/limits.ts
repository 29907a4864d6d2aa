/**
 * Every field limit of the reference protocol, in one place. The gateway validates requests with
 * these and the SDK checks inputs against the same numbers before anything is sent. Sources are in
 * docs/protocol (goods name, terminal and order expiry after CMB `ecnyPayment`).
 */
export const limits = {
  /** Largest amount in one request, in fen (¥10,000,000,000). */
  maxAmountFen: 1_000_000_000_000,
  /** Goods name shown to the payer (CMB `ecnyPayment`): characters, none of {@link forbiddenGoodsNameChars}. */
  goodsNameLength: 40,
  /** Terminal number: printable ASCII, no Chinese (CMB). */
  terminalNoLength: 32,
  /** Merchant order and refund numbers: letters, digits, `_` and `-`. */
  merchantNumberLength: 64,
  /** Gateway ids (wallet, merchant, scene, order …) as sent back to it. */
  idLength: 64,
  /** A refund's reason. */
  refundReasonLength: 80,
  /** A transfer's memo. */
  memoLength: 64,
  /** Names: of holders, legal representatives, scenes, lines and stations. */
  nameLength: 64,
  /** Legal names, addresses, agencies and payer names. */
  longTextLength: 128,
  /** Identity numbers other than a resident ID. */
  idNumberLength: 32,
  /** A QR payload handed to `qr/resolve`. */
  qrPayloadLength: 512,
  /** Order and bill-QR lifetime, seconds: at most 7 days; default 900. */
  maxExpirySeconds: 7 * 86_400,
  defaultExpirySeconds: 900,
  /** Client-token lifetime, seconds (15 minutes). */
  maxClientTokenSeconds: 900,
  /** Offline transit taps in one batch upload. */
  maxTapsPerBatch: 500,
  /** Customer tags on a wallet, and each tag's length. */
  maxTags: 50,
  tagLength: 64,
  /** An audience expression. */
  audienceLength: 4096,
  /** A lottery draw's seed. */
  drawSeedLength: 256,
  /** Largest document upload: 700 KiB, so its base64 fits the 1 MiB body limit. */
  maxDocumentBytes: 700 * 1024,
  /** Largest request body the gateway reads. */
  maxRequestBodyBytes: 1024 * 1024,
  /** Offline tap amount a transit scene may allow, in fen. */
  maxOfflineTapFen: 50_000,
} as const

/** Characters a goods name must not contain (they break the operators' form-encoded sign strings). */
export const forbiddenGoodsNameChars = ['/', '=', '&'] as const

/** Merchant order and refund numbers: 1–64 letters, digits, `_` or `-`. */
export const merchantNumberPattern = /^[A-Za-z0-9_-]{1,64}$/

/** Ids the gateway issues (safe in a URL path): 1–64 letters, digits, `_` or `-`. */
export const gatewayIdPattern = /^[A-Za-z0-9_-]{1,64}$/

/** A terminal number: 1–32 printable ASCII characters. */
export const terminalNoPattern = /^[\x21-\x7e]{1,32}$/

/** A customer-presented payment code: 19 digits. */
export const paymentCodePattern = /^\d{19}$/

/** A wallet id: 16 digits. */
export const walletIdPattern = /^\d{16}$/
