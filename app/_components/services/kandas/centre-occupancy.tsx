import { getTranslations } from "next-intl/server";
import type { CentreOccupancy } from "@/lib/dal/kandas";
import { localName } from "@/lib/i18n/names";

/** KD-10: capacity, residents and free places per centre, in each centre's own unit (reused by the dashboard). */
export async function CentreOccupancyTable({ centres, locale }: { centres: CentreOccupancy[]; locale: string }) {
  const t = await getTranslations({ locale, namespace: "kd" });
  if (!centres.length) return <p>{t("centres.none")}</p>;
  const amount = (count: number, unit: CentreOccupancy["capacityUnit"]) => t("centres.amount", { count, unit: t(`options.units.${unit}`) });
  return (
    <table className="data" data-testid="centre-occupancy">
      <caption>{t("centres.caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("centres.centre")}</th>
          <th scope="col">{t("centres.kind")}</th>
          <th scope="col">{t("centres.capacity")}</th>
          <th scope="col">{t("centres.families")}</th>
          <th scope="col">{t("centres.persons")}</th>
          <th scope="col">{t("centres.free")}</th>
        </tr>
      </thead>
      <tbody>
        {centres.map((c) => (
          <tr key={c.id} data-centre={c.code}>
            <th scope="row">{localName(c, locale)}</th>
            <td>{t(`options.centreKinds.${c.kind}`)}</td>
            <td>{amount(c.capacity, c.capacityUnit)}</td>
            <td>{c.occupiedFamilies}</td>
            <td>{c.occupiedPersons}</td>
            <td>{amount(c.free, c.capacityUnit)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
