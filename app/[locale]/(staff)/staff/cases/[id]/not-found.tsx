import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/dal/viewer";
import { Link } from "@/lib/i18n/navigation";

/**
 * A case that does not exist and one of another region look the same; officers and supervisors are
 * pointed to break-glass access, which asks for a reason before it looks the reference up.
 */
export default async function CaseNotFound() {
  const [t, tb, tc, viewer] = await Promise.all([getTranslations("common.errors"), getTranslations("integrity.breakGlass"), getTranslations("staff.case"), getViewer()]);
  const mayBreakGlass = viewer?.role === "officer" || viewer?.role === "supervisor";
  return (
    <>
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFoundBody")}</p>
      {mayBreakGlass ? (
        <p>
          {tb("notFoundHint")} <Link href="/staff/break-glass">{tb("cardLink")}</Link>
        </p>
      ) : null}
      <p>
        <Link href="/staff/queue">{tc("back")}</Link>
      </p>
    </>
  );
}
