/**
 * Where the rails keep merchants. The order and refund code only needs `get`; merchant onboarding
 * (applications, documents, review) builds on the same store through `put` and `list`, so another
 * module can add real applications without touching payments.
 */
export type MerchantStatus = 'draft' | 'submitted' | 'approved' | 'rejected'

export type MerchantRecord = {
  id: string
  status: MerchantStatus
  legalName: string
  uscc: string
  mcc: string
  legalRepresentative: { name: string; idType: string; idNumber: string }
  contactMobile: string
  settlementWalletId: string | null
  documents: Array<{ id: string; type: string; sha256: string; size: number }>
  rejections: Array<{ field: string; reason: string }>
  notifyUrl: string | null
  createdAt: number
  reviewedAt: number | null
}

export interface MerchantStore {
  get(id: string): MerchantRecord | undefined
  put(record: MerchantRecord): void
  list(): MerchantRecord[]
}

/** The default store: a map kept inside the rails state (so it is part of snapshots). */
export function mapMerchantStore(map: Map<string, MerchantRecord>): MerchantStore {
  return {
    get: (id) => map.get(id),
    put: (record) => {
      map.set(record.id, record)
    },
    list: () => [...map.values()],
  }
}
