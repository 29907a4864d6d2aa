/**
 * Seconds to wait before each delivery attempt of a notification (DOMAIN.md §3, CMB §2.5): the first
 * at once, then 15 s, 15 s, 30 s, 3 min, 30 min ×4 and 1 h after the previous attempt; ten attempts
 * in all, then the rails give up.
 */
export const notificationRetrySchedule = [0, 15, 15, 30, 180, 1800, 1800, 1800, 1800, 3600] as const
