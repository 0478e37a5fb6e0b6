/** This site's origin as the user sees it; proxy headers count only when the deployment trusts its proxy. */
export function publicOrigin(request: Request): string {
  const url = new URL(request.url);
  if (process.env.AUTH_TRUST_HOST !== "true") return url.origin;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (!host || !/^[a-z0-9.-]+(:\d{1,5})?$/i.test(host)) return url.origin;
  return `${proto === "http" || proto === "https" ? proto : url.protocol.replace(/:$/, "")}://${host}`;
}
