import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { markNoticeRead, unreadStaffNotices } from "@/lib/dal/assignment";
import { getViewer } from "@/lib/dal/viewer";
import type { Viewer } from "@/lib/engine/types";
import { Link } from "@/lib/i18n/navigation";
import styles from "./staff-notices.module.css";

async function dismissNotice(formData: FormData) {
  "use server";
  const viewer = await getViewer();
  const id = formData.get("id");
  if (viewer && typeof id === "string" && /^[0-9a-f-]{36}$/i.test(id)) await markNoticeRead(await getDb(), viewer, id);
}

/** What changed in a staff member's work since they last looked, e.g. a case of theirs taken over; shown on their next page view. */
export async function StaffNotices({ viewer }: { viewer: Viewer }) {
  const notices = await unreadStaffNotices(await getDb(), viewer);
  if (notices.length === 0) return null;
  const tRoot = await getTranslations();
  return (
    <div className="container">
      <section className={`notice notice--warning ${styles.notices}`} aria-labelledby="staff-notices-title" data-testid="staff-notices">
        <h2 id="staff-notices-title">{tRoot("staff.assignment.noticesTitle")}</h2>
        <ul>
          {notices.map((n) => (
            <li key={n.id}>
              {tRoot.has(n.template) ? tRoot(n.template as never, n.params as never) : n.template}{" "}
              {n.caseId ? <Link href={`/staff/cases/${n.caseId}`}>{String(n.params.reference ?? "")}</Link> : null}{" "}
              <form action={dismissNotice} style={{ display: "inline" }}>
                <input type="hidden" name="id" value={n.id} />
                <button type="submit" className="link-button">
                  {tRoot("staff.assignment.dismiss")}
                </button>
              </form>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
