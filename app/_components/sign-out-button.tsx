import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { getDb } from "@/db";
import { signOut } from "@/lib/auth";
import { clientIp } from "@/lib/auth/client-ip";
import { recordAudit } from "@/lib/dal/audit";
import { getViewer, revokeSession } from "@/lib/dal/viewer";
import { isLocale } from "@/lib/i18n/routing";

async function signOutAction(formData: FormData) {
  "use server";
  const viewer = await getViewer();
  if (viewer?.sessionId) {
    const db = await getDb();
    await revokeSession(db, viewer.sessionId);
    await recordAudit(db, { viewer, action: "auth.sign_out", channel: "action", ip: clientIp(await headers()) });
  }
  const locale = formData.get("locale");
  // Clears the cookie and throws the redirect; the auth_sessions row is revoked above (and again,
  // harmlessly, by the Auth.js signOut event).
  await signOut({ redirectTo: `/${typeof locale === "string" && isLocale(locale) ? locale : "kk"}` });
}

/** A real form posting a server action, so signing out works without JavaScript too. */
export async function SignOutButton({ label }: { label: string }) {
  const locale = await getLocale();
  return (
    <form action={signOutAction}>
      <input type="hidden" name="locale" value={locale} />
      <button type="submit" className="link-button">
        {label}
      </button>
    </form>
  );
}
