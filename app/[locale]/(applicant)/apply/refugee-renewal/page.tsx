import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { ResumedNotice, SaveForLater } from "@/app/_components/drafts/save-later";
import { draftFormValues } from "@/app/_components/drafts/schema";
import { myDraft } from "@/lib/dal/drafts";
import { RF_SERVICE } from "@/lib/services/ids";
import { Fragment, type ReactNode } from "react";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { formatCivilDate } from "@/app/_components/dates";
import { RenewalForm } from "@/app/_components/services/refugee-renewal/renewal-form";
import { myRefugeeFamily } from "@/lib/dal/refugee-renewal";
import { Link } from "@/lib/i18n/navigation";
import { localName } from "@/lib/i18n/names";
import { renewalFormSetup } from "./form-setup";
import { addCalendarDays, todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters, loadReferenceData } from "@/lib/rules/load";
import { rf05FilingWindow, rf05IsLate } from "@/lib/services/refugee-renewal/rules";
import { pageLocale, requireApplicant } from "../../_lib/guard";
import { fileRefugeeRenewal } from "./actions";

type Params = Promise<{ locale: string }>;
type Search = Promise<{ filed?: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: "rf.apply" });
  return { title: t("title") };
}

/** RF-04/RF-05/RF-15: the refugee sees their status and, while the window is open, applies to extend it. */
export default async function ApplyRefugeeRenewalPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const locale = pageLocale((await params).locale);
  setRequestLocale(locale);
  const viewer = await requireApplicant(locale, "/apply/refugee-renewal");
  const { filed } = await searchParams;
  const db = await getDb();
  const [family, draft, params_, ref, t, tRf, format] = await Promise.all([
    myRefugeeFamily(db, viewer),
    myDraft(db, viewer, RF_SERVICE),
    loadParameters(db),
    loadReferenceData(db),
    getTranslations("rf.apply"),
    getTranslations("rf"),
    getFormatter(),
  ]);
  const date = (d: string) => formatCivilDate(format, d);

  if (!family) {
    return (
      <>
        <h1>{t("title")}</h1>
        <p data-testid="rf-no-status">{t("noStatus")}</p>
      </>
    );
  }

  const { principal, members } = family;
  const today = todayInKazakhstan();
  const window = rf05FilingWindow(principal.endsOn, today, params_);
  const opensOn = addCalendarDays(principal.endsOn, -params_.number("rf_filing_window_open_days", today));
  const onTimeUntil = addCalendarDays(principal.endsOn, -params_.number("rf_late_filing_days", today));
  const country = ref.country(principal.countryOfOrigin);

  const rows: [string, ReactNode, string?][] = [
    [t("summary.certificate"), principal.certificateNumber],
    [t("summary.holder"), `${principal.person.surname} ${principal.person.givenNames}`],
    [t("summary.countryOfOrigin"), country ? localName(country, locale) : principal.countryOfOrigin],
    [t("summary.state"), tRf(`statusStates.${principal.state}`)],
    [t("summary.validUntil"), date(principal.endsOn), "rf-ends-on"],
    [
      t("summary.family"),
      <ul key="family" style={{ margin: 0, paddingLeft: "1.25rem" }}>
        {members.map((m) => (
          <li key={m.id}>
            {`${m.person.surname} ${m.person.givenNames}`} — {tRf(`relations.${m.relation}`)}, {tRf(`statusStates.${m.state}`)}
          </li>
        ))}
      </ul>,
    ],
  ];
  const summary = (
    <dl className="summary-list" style={{ gridTemplateColumns: "minmax(10rem, 1fr) 2fr" }} data-testid="rf-status-summary">
      {rows.map(([label, value, testId]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd data-testid={testId}>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );

  if (filed || principal.state === "extension_pending") {
    return (
      <>
        <h1>{t("title")}</h1>
        <div className="notice notice--success" data-testid="rf-filed">
          <p>{filed ? t("filed", { reference: filed }) : t("pending")}</p>
          <p>{t("protection")}</p>
          <p>
            <Link href="/applications">{t("toMyApplications")}</Link>
          </p>
        </div>
        {summary}
      </>
    );
  }

  const setup = renewalFormSetup({ t, tRf, ref, locale, today, members });
  const saved = draftFormValues(draft?.data ?? {}, new Set(["remove"]));
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {summary}
      {window ? (
        <div className="notice" data-testid="rf-window-closed">
          <p>{principal.endsOn < today ? t("ended", { endsOn: date(principal.endsOn) }) : t("notYetOpen", { opensOn: date(opensOn) })}</p>
        </div>
      ) : (
        <>
          <div className={rf05IsLate(principal.endsOn, today, params_) ? "notice notice--warning" : "notice"} data-testid="rf-window-open">
            <p>{rf05IsLate(principal.endsOn, today, params_) ? t("late", { endsOn: date(principal.endsOn) }) : t("onTime", { onTimeUntil: date(onTimeUntil), endsOn: date(principal.endsOn) })}</p>
          </div>
          {draft ? <ResumedNotice savedAt={draft.updatedAt} /> : null}
          <RenewalForm
            locale={locale}
            action={fileRefugeeRenewal}
            {...setup}
            defaults={{
              "identity.type": "refugee_certificate",
              "identity.number": principal.certificateNumber,
              "address.region": principal.region,
              ...(Object.fromEntries(Object.entries(saved).filter(([name]) => name !== "remove")) as Record<string, string>),
            }}
            defaultRemoved={Array.isArray(saved.remove) ? saved.remove : undefined}
            extra={<SaveForLater service={RF_SERVICE} draftId={draft?.id ?? randomUUID()} version={draft?.version ?? null} />}
          />
        </>
      )}
    </>
  );
}
