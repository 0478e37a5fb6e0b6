import { getTranslations } from "next-intl/server";
import { formatCivilDate } from "@/app/_components/tr-wizard/format";
import type { BenefitRow } from "@/lib/dal/kandas";
import type { KdCaseData } from "@/lib/services/kandas-status/definition";

/** KD-13: every family member with the decision on them (per-person outcome). */
export async function FamilyTable({ data, locale }: { data: KdCaseData; locale: string }) {
  const t = await getTranslations({ locale, namespace: "kd" });
  if (!data.members.length) return <p>{t("details.noMembers")}</p>;
  return (
    <table className="data" data-testid="family-table">
      <caption>{t("details.membersCaption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("details.number")}</th>
          <th scope="col">{t("details.name")}</th>
          <th scope="col">{t("details.relationship")}</th>
          <th scope="col">{t("details.birthDate")}</th>
          <th scope="col">{t("details.document")}</th>
          <th scope="col">{t("details.outcome")}</th>
        </tr>
      </thead>
      <tbody>
        {data.members.map((m, i) => {
          const outcome = data.memberOutcomes?.[String(i + 1)];
          return (
            <tr key={`${m.documentNumber}-${i}`}>
              <td>{i + 1}</td>
              <th scope="row">
                {m.surname} {m.givenNames}
              </th>
              <td>{t(`options.relationships.${m.relationship}`)}</td>
              <td>{formatCivilDate(m.birthDate, locale)}</td>
              <td>{m.documentNumber}</td>
              <td>{outcome ? `${t(`details.outcomes.${outcome.outcome}`)}${outcome.outcome === "excluded" ? `: ${outcome.reason}` : ""}` : t("details.pending")}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** KD-06: the family's place on its region's wait-list, and what decides it. */
export async function WaitlistNotice({ position, region, locale }: { position: { position: number; waiting: number }; region: string; locale: string }) {
  const t = await getTranslations({ locale, namespace: "kd" });
  return (
    <div className="notice notice--warning" data-testid="waitlist-position" data-position={position.position}>
      <p>
        <strong>{t("details.waitlistPosition", { position: position.position, waiting: position.waiting, region })}</strong>
      </p>
      <p>{t("details.waitlistHint")}</p>
    </div>
  );
}

/** KD-11: the support measures on record, withdrawn ones marked. */
export async function BenefitsList({ benefits, locale }: { benefits: BenefitRow[]; locale: string }) {
  const t = await getTranslations({ locale, namespace: "kd" });
  if (!benefits.length) return <p>{t("details.noBenefits")}</p>;
  return (
    <ul data-testid="benefits">
      {benefits.map((b) => (
        <li key={b.id}>
          {t.has(`measures.${b.measure}`) ? t(`measures.${b.measure}`) : b.measure}
          {b.amountKzt !== null ? `, ${t("details.amount", { amount: new Intl.NumberFormat(locale === "en" ? "en-GB" : `${locale}-KZ`).format(b.amountKzt) })}` : ""}
          {" — "}
          {b.withdrawnOn ? <s>{t("details.grantedOn", { date: formatCivilDate(b.grantedOn, locale) })}</s> : t("details.grantedOn", { date: formatCivilDate(b.grantedOn, locale) })}
          {b.withdrawnOn ? ` (${t("details.withdrawnOn", { date: formatCivilDate(b.withdrawnOn, locale) })})` : ""}
          {b.note ? ` — ${b.note}` : ""}
        </li>
      ))}
    </ul>
  );
}
