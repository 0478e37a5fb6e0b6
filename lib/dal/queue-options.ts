/** The work lists of the queue page; every one is a set of conditions on cases (see listQueue). */
export const QUEUE_VIEWS = ["all", "mine", "unassigned", "team", "overdue", "due_soon", "waiting"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
/** "due": earliest due date first, cases without one last (default); "filed": newest filed first. */
export const QUEUE_SORTS = ["due", "filed"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
/** The flags the queue filters by; services set them (late filing, duplicate check, overstay sweep, protection). */
export const QUEUE_FLAGS = ["late_filing", "potential_duplicate", "overstay", "protected_person"] as const;

