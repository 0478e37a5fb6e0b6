import { json } from "@/lib/api/http";
import { buildOpenApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 description of this API, generated from the zod schemas of the running code. */
export function GET(): Response {
  return json(buildOpenApiDocument());
}
