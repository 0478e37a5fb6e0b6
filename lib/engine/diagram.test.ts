import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allServices } from "./registry";
import { mermaidStateDiagram, stateDiagramDocument } from "./diagram";
import "@/lib/services";

describe("generated state diagrams", () => {
  it.each(allServices().map((s) => [s.id, s] as const))("docs/state-diagrams/%s.md is up to date (run npm run docs:diagrams)", (id, service) => {
    const onDisk = readFileSync(`docs/state-diagrams/${id}.md`, "utf8");
    expect(onDisk).toBe(stateDiagramDocument(service as never));
  });

  it("every state a service declares is reachable from its initial state", () => {
    for (const service of allServices()) {
      const diagram = mermaidStateDiagram(service as never);
      for (const state of service.states) expect(diagram, `${service.id}: ${state}`).toMatch(new RegExp(`--> ${state}\\b`));
    }
  });
});
