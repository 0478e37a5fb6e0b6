import { NextResponse } from "next/server";
import { currentSessionSecondsLeft } from "@/lib/dal/viewer";

export const dynamic = "force-dynamic";

function answer(secondsLeft: number | null): NextResponse {
  const body = secondsLeft !== null ? { signedIn: true, secondsLeft } : { signedIn: false };
  return NextResponse.json(body, { headers: { "cache-control": "no-store" } });
}

/** The browser says the request comes from a page of this host (behind a proxy the scheme may differ). */
function sameSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** When the session ends if nothing happens; reading it is not activity, so it never keeps a session alive. */
export async function GET(): Promise<NextResponse> {
  return answer(await currentSessionSecondsLeft({ extend: false }));
}

/**
 * "Stay signed in". Only from this site's own pages: a cross-site form could otherwise keep a
 * forgotten session open.
 */
export async function POST(request: Request): Promise<NextResponse> {
  if (!sameSite(request)) return NextResponse.json({ error: "forbidden" }, { status: 403 });
  return answer(await currentSessionSecondsLeft({ extend: true }));
}
