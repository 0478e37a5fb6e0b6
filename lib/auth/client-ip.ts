/**
 * The client address for throttling and the audit log. Next.js fills X-Forwarded-For from the socket
 * when the header is absent; a reverse proxy appends the address it saw, so the last entry is the one
 * written by the closest hop. Without a proxy a client can send its own header: the per-account limit
 * does not depend on this value.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) {
    const last = forwarded.split(",").map((s) => s.trim()).filter(Boolean).pop();
    if (last) return last.slice(0, 64);
  }
  const real = headers.get("x-real-ip")?.trim();
  return real ? real.slice(0, 64) : null;
}
