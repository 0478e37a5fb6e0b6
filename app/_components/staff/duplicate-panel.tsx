import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { formatCivilDate, formatInstant } from "@/app/_components/dates";
import { serviceUi } from "@/app/_components/services/registry";
import { countryName, regionName } from "@/app/_components/staff/format";
import styles from "@/app/_components/staff/staff.module.css";
import { resolveDuplicateCandidate } from "@/app/[locale]/(staff)/staff/cases/[id]/duplicate-actions";
import { listDuplicatePairs, type CaseRecord, type PersonRecord } from "@/lib/dal/duplicates";
import type { CaseSnapshot, Viewer } from "@/lib/engine/types";
import { Link } from "@/lib/i18n/navigation";
import { loadReferenceData } from "@/lib/rules/load";

interface Props {
  case: CaseSnapshot;
  viewer: Viewer;
  locale: string;
  /** Whether the viewer may act on the case (not read-only, not under a break-glass grant). */
  mayResolve: boolean;
  notice?: string;
  error?: string;
}

/**
 * The potential duplicates of a case, each shown beside this case's record, with the "same person"
 * / "not the same person" decision for those still open. Nothing is rendered for a case without any.
 */
export async function DuplicatePanel({ case: c, viewer, locale, mayResolve, notice, error }: Props) {
  const db = await getDb();
  const pairs = await listDuplicatePairs(db, viewer, c.id);
  if (!pairs.length) return null;
  const [t, tRoot, format, ref] = await Promise.all([getTranslations("integrity.duplicates"), getTranslations(), getFormatter(), loadReferenceData(db)]);
  const date = (d: string) => formatCivilDate(format, d);
  const label = (key: string, fallback: string) => (tRoot.has(key) ? tRoot(key as never) : fallback);
  const open = pairs.filter((p) => p.status === "open" && !p.mirrored).length;

  const name = (p: PersonRecord) => `${p.surname} ${p.givenNames}`;
  const cyrillic = (p: PersonRecord) => [p.surnameCyrillic, p.givenNamesCyrillic].filter(Boolean).join(" ") || t("notRecorded");
  const documents = (p: PersonRecord) =>
    p.documents.length ? (
      <ul>
        {p.documents.map((d) => (
          <li key={`${d.number}-${d.issuingCountry}`}>
            {d.expiresOn
              ? t("document", { number: d.number, country: countryName(ref, d.issuingCountry, locale), until: date(d.expiresOn) })
              : t("documentNoExpiry", { number: d.number, country: countryName(ref, d.issuingCountry, locale) })}
          </li>
        ))}
      </ul>
    ) : (
      t("notRecorded")
    );
  const caseCells = (k: CaseRecord | CaseSnapshot, link: boolean) => {
    const ns = serviceUi(k.service)?.namespace ?? "staff.case";
    return {
      case: link ? <Link href={`/staff/cases/${k.reference}`}>{k.reference}</Link> : k.reference,
      service: label(`${ns}.serviceName`, k.service),
      status: label(`${ns}.status.${k.status}`, k.status),
      region: regionName(ref, k.region, locale),
    };
  };
  const here = caseCells(c, false);

  return (
    <section aria-labelledby="duplicates-title" data-testid="duplicate-panel">
      <h2 id="duplicates-title">{t("title")}</h2>
      {notice ? (
        <div className="notice notice--success" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      {error ? (
        <div className="notice notice--error" role="alert">
          <p>{error}</p>
        </div>
      ) : null}
      <p>{open ? t("lead") : pairs.some((p) => p.status === "open") ? t("leadMirrored") : t("allResolved")}</p>
      {pairs.map((pair, i) => {
        const number = i + 1;
        const headingId = `duplicate-${pair.id}`;
        const kinds = pair.matchKinds.map((k) => t(`matchKinds.${k}` as never, { score: Math.round(pair.score * 100) } as never)).join("; ");
        const other = pair.other.visible ? pair.other : null;
        const there = other ? caseCells(other.case, true) : null;
        const rows: [string, React.ReactNode, React.ReactNode][] = [
          [t("fields.name"), name(pair.person), other ? name(other.person) : null],
          [t("fields.nameCyrillic"), cyrillic(pair.person), other ? cyrillic(other.person) : null],
          [t("fields.birthDate"), date(pair.person.birthDate), other ? date(other.person.birthDate) : null],
          [t("fields.sex"), t(`sex.${pair.person.sex}` as never), other ? t(`sex.${other.person.sex}` as never) : null],
          [t("fields.citizenship"), countryName(ref, pair.person.citizenship, locale), other ? countryName(ref, other.person.citizenship, locale) : null],
          [t("fields.documents"), documents(pair.person), other ? documents(other.person) : null],
          [t("fields.iin"), pair.person.iin ?? t("notRecorded"), other ? (other.person.iin ?? t("notRecorded")) : null],
          [t("fields.case"), here.case, there?.case],
          [t("fields.service"), here.service, there?.service],
          [t("fields.status"), here.status, there?.status],
          [t("fields.region"), here.region, there?.region],
        ];
        return (
          <article key={pair.id} className="card" aria-labelledby={headingId} data-testid="duplicate-pair">
            <h3 id={headingId}>
              {t("pairTitle", { number })}{" "}
              <strong className={pair.status === "open" ? "tag tag--red" : "tag tag--grey"}>{t(`state.${pair.status}`)}</strong>
            </h3>
            <p>
              <strong>{t("matchedBy")}:</strong> {kinds}
            </p>
            {other ? (
              <div className={styles.tableScroll} role="region" aria-labelledby={headingId} tabIndex={0}>
                <table className="data">
                  <caption className="visually-hidden">{t("caption", { number })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("attribute")}</th>
                      <th scope="col">{t("thisRecord")}</th>
                      <th scope="col">{t("otherRecord")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map(([field, mine, theirs]) => (
                      <tr key={field}>
                        <th scope="row">{field}</th>
                        <td>{mine}</td>
                        <td>{theirs}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p>
                {t("hidden", { region: regionName(ref, pair.other.visible ? pair.other.case.region : pair.other.region, locale) })}{" "}
                {viewer.role === "officer" || viewer.role === "supervisor" ? <Link href="/staff/break-glass">{t("hiddenBreakGlass")}</Link> : null}
              </p>
            )}
            {pair.status !== "open" ? (
              <p className="muted">{t("resolvedBy", { name: pair.resolvedByName ?? "", at: pair.resolvedAt ? formatInstant(format, pair.resolvedAt) : "" })}</p>
            ) : pair.mirrored ? (
              <p className="muted">{pair.other.visible ? t("decidedOnOther", { reference: pair.other.case.reference }) : t("decidedOnHidden")}</p>
            ) : mayResolve ? (
              <form action={resolveDuplicateCandidate}>
                <input type="hidden" name="caseId" value={c.id} />
                <input type="hidden" name="candidateId" value={pair.id} />
                <input type="hidden" name="version" value={c.version} />
                <input type="hidden" name="locale" value={locale} />
                <fieldset>
                  <legend>{t("question")}</legend>
                  <div className="button-group">
                    <button type="submit" name="outcome" value="same_person" className="button">
                      {t("samePerson")}
                    </button>
                    <button type="submit" name="outcome" value="not_same" className="button button--secondary">
                      {t("notSame")}
                    </button>
                  </div>
                </fieldset>
              </form>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}
