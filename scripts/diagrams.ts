import { writeFileSync, mkdirSync } from "node:fs";
import { allServices } from "@/lib/engine/registry";
import { stateDiagramDocument } from "@/lib/engine/diagram";
import "@/lib/services";

mkdirSync("docs/state-diagrams", { recursive: true });
for (const service of allServices()) {
  const file = `docs/state-diagrams/${service.id}.md`;
  writeFileSync(file, stateDiagramDocument(service as never));
  console.log(`wrote ${file}`);
}
