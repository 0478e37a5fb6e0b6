import type { ReportFilter } from "@/lib/reports/filter";
import styles from "@/app/_components/charts/charts.module.css";

/**
 * Filters as a plain GET form: the state lives in the URL, so a view can be bookmarked and shared,
 * and it works without JavaScript.
 */
export function FiltersForm({
  action,
  filter,
  regions,
  services,
  text,
}: {
  action: string;
  filter: ReportFilter;
  regions: readonly { code: string; name: string }[];
  services: readonly { id: string; name: string }[];
  text: { title: string; region: string; service: string; all: string; from: string; to: string; monthHint: string; apply: string };
}) {
  return (
    <form method="get" action={action} className={styles.filters} aria-labelledby="filters-title">
      <h2 id="filters-title" className="visually-hidden">
        {text.title}
      </h2>
      <div className="field">
        <label htmlFor="filter-region">{text.region}</label>
        <select id="filter-region" name="region" defaultValue={filter.region ?? ""}>
          <option value="">{text.all}</option>
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      {services.length > 1 ? (
        <div className="field">
          <label htmlFor="filter-service">{text.service}</label>
          <select id="filter-service" name="service" defaultValue={filter.service ?? ""}>
            <option value="">{text.all}</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="filter-from">{text.from}</label>
        <span className="hint" id="filter-from-hint">
          {text.monthHint}
        </span>
        <input id="filter-from" name="from" type="month" defaultValue={filter.from} aria-describedby="filter-from-hint" pattern="\d{4}-\d{2}" />
      </div>
      <div className="field">
        <label htmlFor="filter-to">{text.to}</label>
        <span className="hint" id="filter-to-hint">
          {text.monthHint}
        </span>
        <input id="filter-to" name="to" type="month" defaultValue={filter.to} aria-describedby="filter-to-hint" pattern="\d{4}-\d{2}" />
      </div>
      <div className="field">
        <button type="submit" className="button">
          {text.apply}
        </button>
      </div>
    </form>
  );
}
