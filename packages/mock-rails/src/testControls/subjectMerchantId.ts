import type { NotificationSubject } from '../notifications/notificationSubject.js'

/** The merchant a notification belongs to: the order's, or the reviewed merchant. */
export function subjectMerchantId(subject: NotificationSubject): string {
  return 'merchant' in subject ? subject.merchant.id : subject.order.merchantId
}
