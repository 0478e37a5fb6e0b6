import { and, arrayContains, eq, inArray, isNull } from "drizzle-orm";
import { cases, users } from "@/db/schema";
import { notify } from "@/lib/engine/effects";
import { perform } from "@/lib/engine/perform";
import { SYSTEM_VIEWER } from "@/lib/engine/types";
import { registerJobHandler } from "@/lib/jobs/registry";
import { KC_SERVICE } from "../ids";

/** KD-14: at about 2.5 months an undecided application is flagged and the region's officers are told. */
registerJobHandler("kc_sla_alert", async (db, job, now) => {
  if (!job.caseId) return;
  const [row] = await db.select().from(cases).where(eq(cases.id, job.caseId));
  if (!row || !["submitted", "under_review"].includes(row.status)) return;
  const flagged = await perform(db, SYSTEM_VIEWER, row.id, "flag_sla_alert", {}, row.version, { now });
  if (!flagged.ok) return;
  await db.transaction(async (tx) => {
    const staff = await tx
      .select({ id: users.id, locale: users.locale })
      .from(users)
      .where(and(inArray(users.role, ["officer", "supervisor"]), arrayContains(users.regions, [row.region]), arrayContains(users.services, [KC_SERVICE]), isNull(users.disabledAt)));
    for (const s of staff) {
      await notify(tx, {
        userId: s.id,
        caseId: row.id,
        template: "kd.notifications.citizenshipDueSoon",
        params: { reference: row.reference, dueOn: row.dueOn ?? "" },
        locale: s.locale,
        dedupeKey: `kc-alert:${row.id}:${s.id}`,
        at: now,
      });
    }
  });
});
