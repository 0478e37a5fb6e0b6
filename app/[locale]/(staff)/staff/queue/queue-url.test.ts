import { describe, expect, it } from "vitest";
import { parseQueueState, queueHref, type QueueChoices } from "./queue-url";

const choices: QueueChoices = {
  views: ["all", "mine", "unassigned", "overdue"],
  services: ["temporary_registration", "household_permit"],
  statuses: (service) => (service === "household_permit" ? ["submitted", "issued"] : ["submitted", "registered", "issued"]),
  regions: ["KZ-ALA"],
  assignees: ["0b6c1c5e-5b8e-4d5e-9a0f-1f2e3d4c5b6a"],
};

describe("queue address", () => {
  it("keeps what the viewer may choose and drops the rest", () => {
    const state = parseQueueState(
      {
        view: "team",
        service: "household_permit",
        status: ["issued", "registered", "issued"],
        flag: ["overstay", "made_up"],
        region: "KZ-AST",
        assignee: "0b6c1c5e-5b8e-4d5e-9a0f-1f2e3d4c5b6a",
        filedFrom: "2026-02-30",
        dueTo: "2026-05-31",
        sort: "random",
        q: `  ${"x".repeat(150)} `,
      },
      choices,
    );
    // "team" is not offered to this viewer; a status of another service, an unknown flag, another region and an impossible date are dropped.
    expect(state).toMatchObject({ view: "all", service: "household_permit", status: ["issued"], flag: ["overstay"], region: "", filedFrom: "", dueTo: "2026-05-31", sort: "due" });
    expect(state.assignee).toBe("0b6c1c5e-5b8e-4d5e-9a0f-1f2e3d4c5b6a");
    expect(state.q).toHaveLength(100);
  });

  it("mine and unassigned ignore a holder filter", () => {
    expect(parseQueueState({ view: "mine", assignee: "0b6c1c5e-5b8e-4d5e-9a0f-1f2e3d4c5b6a" }, choices).assignee).toBe("");
  });

  it("writes a short, stable address that reads back to the same state", () => {
    const state = parseQueueState({ view: "overdue", q: "Хасанов", status: ["submitted"], flag: ["late_filing", "overstay"], sort: "filed" }, choices);
    const href = queueHref(state);
    expect(href).toBe("/staff/queue?view=overdue&q=%D0%A5%D0%B0%D1%81%D0%B0%D0%BD%D0%BE%D0%B2&status=submitted&flag=late_filing&flag=overstay&sort=filed");
    const back = new URLSearchParams(href.split("?")[1]);
    const sp: Record<string, string[]> = {};
    for (const [k, v] of back) (sp[k] ??= []).push(v);
    expect(parseQueueState(sp, choices)).toEqual(state);
    expect(queueHref({ view: "all", sort: "due" })).toBe("/staff/queue");
  });
});
