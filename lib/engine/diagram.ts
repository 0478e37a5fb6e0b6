import type { ServiceDefinition } from "./types";

/** A Mermaid state diagram of a service, generated from its definition so the docs cannot drift. */
export function mermaidStateDiagram(service: ServiceDefinition<never>): string {
  const lines = ["stateDiagram-v2", `    [*] --> ${service.initialState}`];
  for (const [name, action] of Object.entries(service.actions)) {
    const who = action.allowed.join(", ") + (action.approval ? `; approved by ${action.approval.by.join(", ")}` : "");
    for (const from of action.from) {
      // A computed target without declared outcomes keeps the state (flags, protection): a self-transition.
      const targets = typeof action.to === "string" ? [action.to] : (action.outcomes ?? [from]);
      for (const to of targets) lines.push(`    ${from} --> ${to}: ${name} (${who})`);
    }
  }
  for (const s of service.finalStates) lines.push(`    ${s} --> [*]`);
  return lines.join("\n");
}

export function stateDiagramDocument(service: ServiceDefinition<never>): string {
  return [
    `# ${service.id}: states and actions`,
    "",
    "Generated from the service definition by `npm run docs:diagrams`; a test fails when this file is stale.",
    "Each arrow is an action with the roles that may perform it (`owner` = the applicant who owns the case);",
    "\"approved by\" marks a four-eyes decision, which takes effect only when a second person of that role approves it.",
    "",
    "```mermaid",
    mermaidStateDiagram(service),
    "```",
    "",
  ].join("\n");
}
