import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { getService } from "@/lib/engine/registry";
import { TR_SERVICE } from "@/lib/services";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { buildOpenApiDocument } from "./openapi";

type Json = Record<string, unknown>;

const ROOT = join(__dirname, "..", "..");

/** Every route handler under the documented trees, as an OpenAPI path and the methods it exports. */
function routeFiles(): { path: string; methods: string[] }[] {
  const found: { path: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const segments = relative(join(ROOT, "app"), dir).split(sep).map((s) => s.replace(/^\[(.+)\]$/, "{$1}"));
        const source = readFileSync(full, "utf8");
        const methods = [...source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!.toLowerCase());
        found.push({ path: `/${segments.join("/")}`, methods });
      }
    }
  };
  walk(join(ROOT, "app", "api", "v1"));
  walk(join(ROOT, "app", "api", "health"));
  return found;
}

function collectRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(n, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else collectRefs(v, out);
    }
  }
  return out;
}

function resolve(doc: Json, ref: string): unknown {
  expect(ref.startsWith("#/")).toBe(true);
  return ref
    .slice(2)
    .split("/")
    .reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Json)[key] : undefined), doc);
}

describe("OpenAPI document", () => {
  const doc = buildOpenApiDocument() as unknown as Json & { paths: Record<string, Record<string, Json>>; components: Record<string, Record<string, Json>> };

  it("is served as valid JSON that round-trips unchanged, as OpenAPI 3.1", async () => {
    const res = openApiRoute();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const served = JSON.parse(await res.text()) as Json;
    expect(served).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    expect(served.openapi).toBe("3.1.0");
  });

  it("lists every route handler of /api/v1 and /api/health with each method it exports", () => {
    const routes = routeFiles();
    expect(routes.map((r) => r.path)).toEqual(
      expect.arrayContaining([
        "/api/v1/applications",
        "/api/v1/applications/{reference}",
        "/api/v1/status",
        "/api/v1/cases",
        "/api/v1/cases/{id}/actions/{action}",
        "/api/v1/openapi.json",
        "/api/health",
      ]),
    );
    for (const route of routes) {
      expect(route.methods.length, route.path).toBeGreaterThan(0);
      for (const method of route.methods) expect(doc.paths[route.path]?.[method], `${method} ${route.path}`).toBeDefined();
    }
  });

  it("every TR action has a request schema with the case version and the action's own fields", () => {
    const service = getService(TR_SERVICE)!;
    // A file cannot travel in JSON: attach_document has its own multipart path.
    const names = Object.keys(service.actions).filter((n) => n !== "attach_document");
    expect(names.length).toBeGreaterThan(5);
    const upload = doc.paths["/api/v1/cases/{id}/attachments"]!.post!;
    expect(Object.keys((upload.requestBody as Json).content as Json)).toEqual(["multipart/form-data"]);
    const generic = doc.paths["/api/v1/cases/{id}/actions/{action}"]!.post!;
    const actionParam = (generic.parameters as Json[]).find((p) => p.name === "action")!;
    expect((actionParam.schema as { enum: string[] }).enum).toEqual(expect.arrayContaining(names));

    for (const name of names) {
      const op = doc.paths[`/api/v1/cases/{id}/actions/${name}`]?.post;
      expect(op, name).toBeDefined();
      const schema = ((op!.requestBody as Json).content as Record<string, { schema: Json }>)["application/json"]!.schema;
      // An action name other services use too takes any of their request schemas.
      const refs = schema.$ref ? [schema.$ref] : (schema.oneOf as Json[]).map((r) => r.$ref);
      const trRef = `#/components/schemas/${TR_SERVICE}.${name}.Request`;
      expect(refs, name).toContain(trRef);
      const body = resolve(doc, trRef) as { type: string; properties: Json; required: string[] };
      expect(body.type, name).toBe("object");
      expect(body.properties.version, name).toMatchObject({ type: "integer", minimum: 1 });
      expect(body.required, name).toContain("version");
    }
    const refuse = resolve(doc, `#/components/schemas/${TR_SERVICE}.refuse.Request`) as { properties: Json; required: string[] };
    expect(refuse.required).toEqual(expect.arrayContaining(["version", "reasonCode", "reason"]));
    expect(refuse.properties.reasonCode).toMatchObject({ enum: expect.arrayContaining(["other"]) });
    const register = resolve(doc, `#/components/schemas/${TR_SERVICE}.register.Request`) as { properties: Json; required: string[] };
    expect(register.properties).toHaveProperty("validUntil");
    expect(register.required).toEqual(["version"]);
    // An action without input takes nothing but the version.
    const start = resolve(doc, `#/components/schemas/${TR_SERVICE}.start_review.Request`) as Json;
    expect(start.additionalProperties).toBe(false);
  });

  it("actions that need approval document the 202 approval_requested outcome; others do not", () => {
    const refuse = doc.paths["/api/v1/cases/{id}/actions/refuse"]!.post as Json & { responses: Record<string, unknown>; "x-approval-by": unknown };
    expect(refuse.responses["202"]).toBeDefined();
    expect(refuse["x-approval-by"]).toMatchObject({ [TR_SERVICE]: ["supervisor"] });
    expect(JSON.stringify(refuse.responses["202"])).toContain("#/components/schemas/ApprovalRequested");
    const register = doc.paths["/api/v1/cases/{id}/actions/register"]!.post as Json & { responses: Record<string, unknown> };
    expect(register.responses["202"]).toBeUndefined();
  });

  it("describes each service's application data from its own schema", () => {
    const create = doc.paths["/api/v1/applications"]!.post!;
    const body = ((create.requestBody as Json).content as Record<string, { schema: { oneOf: Json[] } }>)["application/json"]!.schema;
    expect(body.oneOf).toContainEqual({ $ref: `#/components/schemas/${TR_SERVICE}.CreateApplicationRequest` });
    const request = resolve(doc, `#/components/schemas/${TR_SERVICE}.CreateApplicationRequest`) as { properties: { service: Json; data: Json } };
    expect(request.properties.service).toMatchObject({ const: TR_SERVICE });
    expect(request.properties.data).toEqual({ $ref: `#/components/schemas/${TR_SERVICE}.Application` });
    const app = resolve(doc, `#/components/schemas/${TR_SERVICE}.Application`) as { required: string[]; properties: Record<string, { properties: Json }> };
    expect(app.required).toEqual(["person", "passport", "stay", "address", "host"]);
    expect(app.properties.stay!.properties).toHaveProperty("requestedEndDate");
    expect((create.parameters as Json[]).map((p) => (p.$ref as string | undefined) ?? p.name)).toContain("#/components/parameters/IdempotencyKey");
  });

  it("documents the error shapes and the security schemes", () => {
    const schemas = doc.components.schemas!;
    expect(schemas.ValidationFailed).toMatchObject({ properties: { error: { const: "validation_failed" }, issues: { type: "array" } } });
    expect(schemas.RuleViolation).toMatchObject({ properties: { error: { const: "rule_violation" }, rule: { type: "string" } } });
    expect(schemas.VersionConflict).toMatchObject({ properties: { error: { const: "version_conflict" } } });
    expect(doc.components.securitySchemes).toMatchObject({ bearerAuth: { type: "http", scheme: "bearer" }, cookieAuth: { type: "apiKey", in: "cookie" } });
    const actionResponses = doc.paths["/api/v1/cases/{id}/actions/{action}"]!.post!.responses as Json;
    expect(Object.keys(actionResponses)).toEqual(expect.arrayContaining(["200", "401", "403", "404", "409", "422"]));
    expect(doc.paths["/api/v1/status"]!.get!.security).toEqual([]);
    expect(doc.paths["/api/v1/applications"]!.post!.security).toContainEqual({ bearerAuth: ["applications:create"] });
  });

  it("every $ref resolves, every path template has its parameter, operation IDs are unique", () => {
    for (const ref of collectRefs(doc)) expect(resolve(doc, ref), ref).toBeDefined();
    const ids: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      const vars = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(ops)) {
        ids.push(op.operationId as string);
        const declared = ((op.parameters as Json[] | undefined) ?? []).filter((p) => p.in === "path").map((p) => p.name);
        expect(declared.sort(), path).toEqual([...vars].sort());
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});
