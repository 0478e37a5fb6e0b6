/** Civil dates ('YYYY-MM-DD') in Kazakhstan (UTC+5), as the server computes them. */

export function kzToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Almaty", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The civil date `offset` days from today in Kazakhstan. */
export function kzDate(offset = 0): string {
  return addDays(kzToday(), offset);
}
