import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ErrorSummary } from "@/app/_components/error-summary";
import { TextField } from "@/app/_components/fields";
import { redirect } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { clientIp } from "@/lib/auth/client-ip";
import { verifyPublicly } from "@/lib/dal/verification";
import { getViewer } from "@/lib/dal/viewer";
import { publicClientIp } from "@/lib/security/rate-limit";
import { tokenFromInput } from "../_lib/verify-input";
import { NumberForm } from "./number-form";

type Params = Promise<{ locale: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale, namespace: "public.verify" });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

/** For a code typed or pasted by hand (a QR scan opens /verify/<token> directly), or a document number with the holder's date of birth. */
export default async function VerifyFormPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const raw = (await searchParams).code;
  const code = Array.isArray(raw) ? raw[0] : raw;

  const [t, tAll] = await Promise.all([getTranslations("public.verify"), getTranslations()]);
  let error: string | undefined;
  if (code !== undefined) {
    const token = tokenFromInput(code);
    if (token) redirect({ href: `/verify/${token}`, locale });
    if (code.trim()) {
      // Something that is not a code is still a check: counted and audited like any other.
      const requestHeaders = await headers();
      const who = { ip: publicClientIp(requestHeaders), auditIp: clientIp(requestHeaders), viewer: await getViewer(), channel: "page" as const };
      await verifyPublicly(await getDb(), { by: "token", token: code.slice(0, 200) }, who);
    }
    error = code.trim() ? t("errors.malformed") : tAll("rules.validation.required");
  }

  return (
    <>
      <ErrorSummary title={tAll("common.errors.summaryTitle")} errors={error ? [{ path: "code", message: error }] : []} />
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <form method="get" noValidate>
        <TextField
          id="code"
          name="code"
          label={t("code")}
          hint={t("codeHint")}
          autoComplete="off"
          spellCheck={false}
          defaultValue={code ?? ""}
          error={error}
        />
        <button type="submit" className="button">
          {t("submit")}
        </button>
      </form>

      <section aria-labelledby="by-number">
        <h2 id="by-number">{tAll("portal.verify.byNumberTitle")}</h2>
        <p>{tAll("portal.verify.byNumberLead")}</p>
        <NumberForm
          locale={locale}
          text={{
            number: tAll("portal.verify.number"),
            numberHint: tAll("portal.verify.numberHint"),
            birthDate: tAll("portal.verify.birthDate"),
            birthDateHint: tAll("portal.verify.birthDateHint"),
            submit: tAll("portal.verify.submitByNumber"),
            pending: tAll("portal.verify.pending"),
            errorSummaryTitle: tAll("common.errors.summaryTitle"),
          }}
        />
      </section>
    </>
  );
}
