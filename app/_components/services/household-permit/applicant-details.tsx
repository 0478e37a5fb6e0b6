import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { formatCivilDate, formatInstant } from "@/app/_components/dates";
import { contractsOfCase, continuousStay } from "@/lib/dal/household-permits";
import { localName } from "@/lib/i18n/names";
import { loadReferenceData } from "@/lib/rules/load";
import { HP_DOCUMENT_TYPE, type HpCaseData } from "@/lib/services/household-permit/definition";
import type { CaseViewProps } from "../types";
import { householdPermitAction } from "./actions";
import { termOptions, regionOptions } from "./application-fields";
import { HpForm, type HpFieldset } from "./hp-form";

const LANGUAGES = [
  ["kk", "Қазақша"],
  ["ru", "Русский"],
  ["en", "English"],
] as const;

/**
 * What the labour immigrant sees about their permit: the fee before paying, the permit and its PDF,
 * the continuous stay (HP-08), the contracts, and the forms for what they may do now.
 */
export async function HouseholdPermitApplicantDetails({ detail, locale }: CaseViewProps) {
  const db = await getDb();
  const c = detail.case;
  const data = c.data as unknown as HpCaseData;
  const [t, tHp, format, contracts, stay, ref] = await Promise.all([
    getTranslations({ locale, namespace: "hp.permit" }),
    getTranslations({ locale, namespace: "hp" }),
    getFormatter({ locale }),
    contractsOfCase(db, c.id),
    continuousStay(db, data),
    loadReferenceData(db),
  ]);
  const date = (d: string) => formatCivilDate(format, d);
  const region = ref.region(c.region);
  const permitDoc = detail.documents.find((d) => d.type === HP_DOCUMENT_TYPE && !d.revokedAt);
  const refusal = detail.decisions.filter((d) => d.outcome === "refused").at(-1);
  const can = (a: string) => detail.actions.includes(a);
  const hidden = (action: string) => ({ locale, action, caseId: c.id, version: String(c.version) });

  const forms: { action: string; title: string; submit: string; fieldsets: HpFieldset[] }[] = [];
  if (can("confirm_payment")) {
    forms.push({
      action: "confirm_payment",
      title: t("payTitle"),
      submit: t("paySubmit"),
      fieldsets: [{ intro: t("payHint"), fields: [{ name: "paymentReference", label: t("paymentReference"), kind: "text", required: true }] }],
    });
  }
  if (can("register_contract")) {
    const regions = await regionOptions(db, locale, [c.region]);
    const label = (f: string) => tHp(`staffActions.register_contract.fields.${f}.label`);
    forms.push({
      action: "register_contract",
      title: t("registerTitle"),
      submit: t("registerSubmit"),
      fieldsets: [
        {
          fields: [
            { name: "iin", label: label("iin"), kind: "text", required: true, hint: tHp("apply.hints.employerIin") },
            { name: "name", label: label("name"), kind: "text", required: true },
            { name: "phone", label: label("phone"), kind: "tel", required: true },
            { name: "region", label: label("region"), kind: "select", options: regions, defaultValue: c.region, required: true, hint: tHp("apply.hints.employerRegion") },
            { name: "address", label: label("address"), kind: "text", required: true },
          ],
        },
      ],
    });
  }
  if (can("end_contract")) {
    forms.push({ action: "end_contract", title: t("endTitle"), submit: t("endSubmit"), fieldsets: [{ fields: [{ name: "reason", label: t("reason"), kind: "textarea", required: true }] }] });
  }
  if (can("request_extension")) {
    forms.push({
      action: "request_extension",
      title: t("extensionTitle"),
      submit: t("extensionSubmit"),
      fieldsets: [
        {
          fields: [
            { name: "months", label: t("extensionMonths"), kind: "select", options: await termOptions(db, locale), required: true },
            { name: "insuranceValidUntil", label: t("extensionInsurance"), kind: "date" },
          ],
        },
      ],
    });
  }

  return (
    <>
      {c.status === "not_required" ? (
        <section className="notice notice--success" aria-labelledby="hp-not-required" data-testid="hp-not-required">
          <h2 id="hp-not-required">{t("notRequiredTitle")}</h2>
          <p>{tHp("statusNext.not_required")}</p>
        </section>
      ) : null}
      {refusal?.reasonText ? <p>{t("refusalReason", { reason: refusal.reasonText })}</p> : null}

      {data.invoice && c.status === "approved_awaiting_payment" ? (
        <section aria-labelledby="hp-fee" data-testid="hp-fee">
          <h2 id="hp-fee">{t("feeTitle")}</h2>
          <p style={{ fontSize: "1.5rem", fontWeight: 700, margin: "0.25rem 0" }}>{t("fee", { amount: format.number(data.invoice.amountKzt) })}</p>
          <p>{t("feeBreakdown", { months: data.invoice.months, rate: format.number(data.invoice.monthlyRateKzt) })}</p>
          <p>{t("feeDue", { date: date(data.invoice.dueOn) })}</p>
        </section>
      ) : null}

      {data.permit && permitDoc ? (
        <section aria-labelledby="hp-permit" data-testid="hp-permit">
          <h2 id="hp-permit">{t("permitTitle")}</h2>
          <p>
            <strong>{permitDoc.number}</strong>. {t("permitValid", { from: date(permitDoc.validFrom), until: date(permitDoc.validUntil), region: region ? localName(region, locale) : c.region, category: tHp(`categories.${data.work.category}`) })}
          </p>
          <p>{t("download")}:</p>
          <ul>
            {LANGUAGES.map(([lang, name]) => (
              <li key={lang}>
                <a href={`/api/documents/${permitDoc.id}/pdf?lang=${lang}`} lang={lang} download data-testid={`hp-permit-pdf-${lang}`}>
                  {permitDoc.number} — {name}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {c.status !== "not_required" ? <p>{t("stayTotal", { entry: date(stay.entryDate), days: stay.days, limit: date(stay.limit), months: stay.months })}</p> : null}

      {c.status !== "not_required" ? (
        <section aria-labelledby="hp-contracts">
          <h2 id="hp-contracts">{t("contractsTitle")}</h2>
          {contracts.length ? (
            <table className="data" data-testid="hp-contracts">
              <thead>
                <tr>
                  <th scope="col">{t("employer")}</th>
                  <th scope="col">{t("contractStatus")}</th>
                  <th scope="col">{t("since")}</th>
                </tr>
              </thead>
              <tbody>
                {contracts.map((k) => (
                  <tr key={k.id}>
                    <td>{k.employerName}</td>
                    <td>{tHp(`contractStatuses.${k.status}`)}</td>
                    <td>{formatInstant(format, k.activatedAt ?? k.registeredAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t("noContracts")}</p>
          )}
        </section>
      ) : null}

      {forms.map((f) => (
        <section key={f.action} aria-labelledby={`hp-form-${f.action}`}>
          <h2 id={`hp-form-${f.action}`}>{f.title}</h2>
          <HpForm action={householdPermitAction} hidden={hidden(f.action)} fieldsets={f.fieldsets} submit={f.submit} errorTitle={t("errorSummaryTitle")} testId={`hp-form-${f.action}`} />
        </section>
      ))}
    </>
  );
}
