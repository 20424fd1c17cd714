/** Today's date in China (UTC+8) as YYYY-MM-DD: deadlines are China's days, whatever the browser's zone. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
