import { QUEUE_FLAGS, QUEUE_SORTS, QUEUE_VIEWS, type QueueSort, type QueueView } from "@/lib/dal/queue-options";
import { isValidCivilDate } from "@/lib/rules/dates";

/**
 * The queue's whole state lives in its address, so a view can be bookmarked, shared and used
 * without JavaScript (the filter form is a plain GET form). This module reads and writes it.
 */

export type SearchParams = Record<string, string | string[] | undefined>;

export const MAX_QUERY = 100;

export interface QueueState {
  view: QueueView;
  q: string;
  service: string;
  status: string[];
  flag: string[];
  region: string;
  assignee: string;
  filedFrom: string;
  filedTo: string;
  dueFrom: string;
  dueTo: string;
  sort: QueueSort;
  cursor: string;
}

/** What the viewer may choose from; anything else in the address is dropped. */
export interface QueueChoices {
  views: readonly QueueView[];
  services: readonly string[];
  statuses: (service: string) => readonly string[];
  regions: readonly string[];
  assignees: readonly string[];
}

export function all(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
const one = (v: string | string[] | undefined) => all(v)[0] ?? "";
const date = (v: string | string[] | undefined) => {
  const d = one(v).trim();
  return isValidCivilDate(d) ? d : "";
};

export function parseQueueState(sp: SearchParams, choices: QueueChoices): QueueState {
  const service = choices.services.includes(one(sp.service)) ? one(sp.service) : "";
  const statuses = choices.statuses(service);
  const view = choices.views.find((v) => v === one(sp.view)) ?? "all";
  const assignee = one(sp.assignee);
  return {
    view,
    q: one(sp.q).trim().slice(0, MAX_QUERY),
    service,
    status: [...new Set(all(sp.status).filter((s) => statuses.includes(s)))],
    flag: [...new Set(all(sp.flag).filter((f) => (QUEUE_FLAGS as readonly string[]).includes(f)))],
    region: choices.regions.includes(one(sp.region)) ? one(sp.region) : "",
    // "Mine" and "unassigned" already say who holds the case.
    assignee: view !== "mine" && view !== "unassigned" && choices.assignees.includes(assignee) ? assignee : "",
    filedFrom: date(sp.filedFrom),
    filedTo: date(sp.filedTo),
    dueFrom: date(sp.dueFrom),
    dueTo: date(sp.dueTo),
    sort: QUEUE_SORTS.find((s) => s === one(sp.sort)) ?? "due",
    cursor: one(sp.cursor),
  };
}

/** The address of a queue state (defaults left out, so addresses stay short). */
export function queueQuery(state: Partial<QueueState>): string {
  const qs = new URLSearchParams();
  if (state.view && state.view !== "all") qs.set("view", state.view);
  if (state.q) qs.set("q", state.q);
  if (state.service) qs.set("service", state.service);
  for (const s of state.status ?? []) qs.append("status", s);
  for (const f of state.flag ?? []) qs.append("flag", f);
  for (const key of ["region", "assignee", "filedFrom", "filedTo", "dueFrom", "dueTo"] as const) if (state[key]) qs.set(key, state[key]);
  if (state.sort && state.sort !== "due") qs.set("sort", state.sort);
  if (state.cursor) qs.set("cursor", state.cursor);
  const query = qs.toString();
  return query ? `?${query}` : "";
}

export function queueHref(state: Partial<QueueState>): string {
  return `/staff/queue${queueQuery(state)}`;
}

export { QUEUE_VIEWS };
