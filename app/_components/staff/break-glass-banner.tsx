import { getFormatter, getTranslations } from "next-intl/server";
import { formatInstant } from "@/app/_components/dates";

/** Shown on a case read under a break-glass grant: until when, and that it is read-only and recorded. */
export async function BreakGlassBanner({ expiresAt }: { expiresAt: Date }) {
  const [t, format] = await Promise.all([getTranslations("integrity.breakGlass"), getFormatter()]);
  return (
    <div className="notice notice--warning" role="status" data-testid="break-glass-banner">
      <p>{t("banner", { until: formatInstant(format, expiresAt) })}</p>
    </div>
  );
}
