import "server-only";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { countGrantsToReview } from "@/lib/dal/break-glass";
import type { Viewer } from "@/lib/engine/types";
import { Link } from "@/lib/i18n/navigation";

/** On the staff home page: break-glass access for officers and supervisors, and the review for supervisors. */
export async function BreakGlassCard({ viewer }: { viewer: Viewer }) {
  if (viewer.role !== "officer" && viewer.role !== "supervisor") return null;
  const [t, toReview] = await Promise.all([getTranslations("integrity.breakGlass"), countGrantsToReview(await getDb(), viewer)]);
  return (
    <section className="card" aria-labelledby="break-glass-card-title">
      <h2 id="break-glass-card-title">{t("cardTitle")}</h2>
      <p>{t("cardBody")}</p>
      <ul>
        <li>
          <Link href="/staff/break-glass">{t("cardLink")}</Link>
        </li>
        {viewer.role === "supervisor" ? (
          <li>
            <Link href="/staff/break-glass/review">{t("cardReview", { count: toReview })}</Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
