import { z } from "zod";
import { allServices } from "@/lib/engine/registry";
import type { ActionDefinition } from "@/lib/engine/types";
import * as api from "./schemas";
import "@/lib/services";

/**
 * The OpenAPI 3.1 description of /api/v1, built from the same zod schemas the handlers and the
 * engine validate with (zod 4's z.toJSONSchema, input side). Descriptions are developer
 * documentation and stay in English; response messages are translated at run time.
 */

type JsonObject = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  jsonSchemaDialect: string;
  servers: { url: string }[];
  security: Record<string, string[]>[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, JsonObject>>;
  components: {
    securitySchemes: Record<string, JsonObject>;
    schemas: Record<string, JsonObject>;
    parameters: Record<string, JsonObject>;
    responses: Record<string, JsonObject>;
  };
}

const DIALECT = "https://json-schema.org/draft/2020-12/schema";
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` });
const parameterRef = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const jsonContent = (schema: JsonObject) => ({ "application/json": { schema } });

/** Stand-alone JSON Schema of one zod schema (input side), without the dialect marker. */
function toSchema(schema: z.ZodType): JsonObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12", unrepresentable: "any" }) as JsonObject;
  return rest;
}

/** Query parameters from a zod object: one per field, required unless the field accepts undefined. */
function queryParameters(shape: Record<string, z.ZodType>): JsonObject[] {
  return Object.entries(shape).map(([name, field]) => {
    const { description, ...schema } = toSchema(field);
    return { name, in: "query", required: !field.safeParse(undefined).success, ...(description ? { description } : {}), schema };
  });
}

/** An action's request body: `version` next to the action's own input fields. */
function actionRequest(input: z.ZodType): z.ZodType {
  if (input instanceof z.ZodObject) {
    const shape = { version: api.caseVersion, ...input.shape };
    return input.def.catchall instanceof z.ZodNever ? z.strictObject(shape) : z.object(shape);
  }
  return z.intersection(z.object({ version: api.caseVersion }), input);
}

function carriesFile(input: z.ZodType): boolean {
  return input instanceof z.ZodObject && Object.values(input.shape as Record<string, z.ZodType>).some((field) => field instanceof z.ZodCustom);
}

export const SCOPES = {
  create: "applications:create",
  read: "applications:read",
  queue: "cases:read",
  act: "cases:act",
} as const;

const signedIn = (...scopeSets: string[][]) => [...scopeSets.map((scopes) => ({ bearerAuth: scopes })), { cookieAuth: [] }];

export function buildOpenApiDocument(): OpenApiDocument {
  const registry = z.registry<{ id: string }>();
  const named = (id: string, schema: z.ZodType) => {
    registry.add(schema, { id });
    return id;
  };

  named("ApplicationCreated", api.applicationCreatedResponse);
  named("Application", api.applicationResponse);
  named("PublicStatus", api.publicStatusResponse);
  named("QueueItem", api.queueItem);
  named("Queue", api.queueResponse);
  named("ActionResult", api.actionResponse);
  named("ApprovalRequested", api.approvalRequestedResponse);
  named("Health", api.healthResponse);
  named("Error", api.errorResponse);
  named("ValidationFailed", api.validationFailedResponse);
  named("RuleViolation", api.ruleViolationResponse);
  named("VersionConflict", api.versionConflictResponse);
  named("TooManyRequests", api.tooManyRequestsResponse);

  const services = allServices();
  const createRequests: Record<string, string> = {};
  // action name → service → [component, definition]: two services may share an action name.
  const actions = new Map<string, Map<string, [string, ActionDefinition<never>]>>();
  for (const service of services) {
    named(`${service.id}.Application`, service.applicationSchema);
    createRequests[service.id] = named(
      `${service.id}.CreateApplicationRequest`,
      z.object({ service: z.literal(service.id), data: service.applicationSchema }),
    );
    for (const [name, action] of Object.entries(service.actions)) {
      // Actions that carry a file are reached through the multipart attachments path instead.
      if (carriesFile(action.input)) continue;
      const id = named(`${service.id}.${name}.Request`, actionRequest(action.input));
      if (!actions.has(name)) actions.set(name, new Map());
      actions.get(name)!.set(service.id, [id, action]);
    }
  }

  const { schemas } = z.toJSONSchema(registry, {
    io: "input",
    target: "draft-2020-12",
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  });
  const components: Record<string, JsonObject> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _dialect, $id: _id, ...rest } = schema as JsonObject;
    components[id] = rest;
  }

  const errors = {
    400: responseRef("BadRequest"),
    401: responseRef("Unauthorized"),
    403: responseRef("Forbidden"),
    404: responseRef("NotFound"),
    409: responseRef("VersionConflict"),
    413: responseRef("PayloadTooLarge"),
    415: responseRef("UnsupportedMediaType"),
    422: responseRef("Unprocessable"),
    500: responseRef("InternalError"),
  };
  const pick = (...codes: (keyof typeof errors)[]) => Object.fromEntries(codes.map((c) => [c, errors[c]]));
  const common = [parameterRef("AcceptLanguage")];
  const caseId = { name: "id", in: "path", required: true, description: "Case ID (UUID).", schema: { type: "string", format: "uuid" } };

  const approvalRequested = {
    description:
      "Four-eyes: the action needs a second person's approval. It was checked like any other and recorded as a pending proposal; " +
      "the case has not changed state. An approver performs it from their inbox; a stale proposal is refused with a version conflict.",
    content: jsonContent(ref("ApprovalRequested")),
  };
  const actionPaths: Record<string, Record<string, JsonObject>> = {};
  for (const [name, byService] of actions) {
    const refs = [...byService.values()].map(([id]) => ref(id));
    const allowed = [...new Set([...byService.values()].flatMap(([, a]) => a.allowed))];
    const approvers = [...byService].filter(([, [, a]]) => a.approval).map(([service, [, a]]) => `${service}: ${a.approval!.by.join(", ")}`);
    const needsApproval = approvers.length > 0;
    actionPaths[`/api/v1/cases/{id}/actions/${name}`] = {
      post: {
        tags: ["Cases"],
        operationId: `perform_${name}`,
        summary: `Perform "${name}" on a case`,
        description:
          `Services: ${[...byService.keys()].join(", ")}. Performed by: ${allowed.join(", ")}.` +
          (needsApproval ? ` Needs a second person's approval (four-eyes; approved by ${approvers.join("; ")}): the call records a proposal and answers 202.` : ""),
        "x-allowed-roles": allowed,
        ...(needsApproval ? { "x-approval-by": Object.fromEntries([...byService].filter(([, [, a]]) => a.approval).map(([service, [, a]]) => [service, a.approval!.by])) } : {}),
        security: signedIn([SCOPES.act]),
        parameters: [caseId, ...common],
        requestBody: { required: true, content: jsonContent(refs.length === 1 ? refs[0]! : { oneOf: refs }) },
        responses: {
          200: { description: "The case after the action.", content: jsonContent(ref("ActionResult")) },
          ...(needsApproval ? { 202: approvalRequested } : {}),
          ...errors,
        },
      },
    };
  }

  const paths: Record<string, Record<string, JsonObject>> = {
    "/api/v1/applications": {
      post: {
        tags: ["Applications"],
        operationId: "createApplication",
        summary: "File and submit an application",
        description:
          "Opens a case of the chosen service and submits it in one transaction. Send an Idempotency-Key " +
          "(recommended): repeating the request with the same key returns the first case with status 200 " +
          "and never opens a second one.",
        security: signedIn([SCOPES.create]),
        parameters: [parameterRef("IdempotencyKey"), ...common],
        requestBody: {
          required: true,
          content: jsonContent({
            oneOf: Object.values(createRequests).map(ref),
            discriminator: { propertyName: "service", mapping: Object.fromEntries(Object.entries(createRequests).map(([s, id]) => [s, `#/components/schemas/${id}`])) },
          }),
        },
        responses: {
          201: {
            description: "Filed.",
            headers: { Location: { description: "The application's address.", schema: { type: "string" } } },
            content: jsonContent(ref("ApplicationCreated")),
          },
          200: { description: "The Idempotency-Key was used before: the first case, as it is now.", content: jsonContent(ref("ApplicationCreated")) },
          ...pick(400, 401, 403, 404, 413, 415, 422, 500),
        },
      },
    },
    "/api/v1/applications/{reference}": {
      get: {
        tags: ["Applications"],
        operationId: "getApplication",
        summary: "An application and its history",
        description: "Applicants see their own cases and the public part of the history; staff see cases of their regions and services. Any other case is 404.",
        security: signedIn([SCOPES.read], [SCOPES.queue]),
        parameters: [
          { name: "reference", in: "path", required: true, description: "Case reference (e.g. TR-2026-000123-K) or case ID.", schema: { type: "string" } },
          ...common,
        ],
        responses: { 200: { description: "The application.", content: jsonContent(ref("Application")) }, ...pick(401, 404, 500) },
      },
    },
    "/api/v1/status": {
      get: {
        tags: ["Public"],
        operationId: "getPublicStatus",
        summary: "Public status check",
        description: "No sign-in. Rate-limited per client address; a reference and passport number that do not match are 404.",
        security: [],
        parameters: [...queryParameters(api.statusQuery.shape), ...common],
        responses: {
          200: { description: "The status.", content: jsonContent(ref("PublicStatus")) },
          ...pick(404, 500),
          422: responseRef("ValidationFailed"),
          429: responseRef("TooManyRequests"),
        },
      },
    },
    "/api/v1/cases": {
      get: {
        tags: ["Cases"],
        operationId: "listCases",
        summary: "Staff work queue",
        description: "Cases of the caller's regions and services, earliest deadline first. Page with nextCursor; total counts every match.",
        security: signedIn([SCOPES.queue]),
        parameters: [...queryParameters(api.queueQuery.shape), ...common],
        responses: {
          200: { description: "One page of the queue.", content: jsonContent(ref("Queue")) },
          ...pick(401, 403, 500),
          422: responseRef("ValidationFailed"),
        },
      },
    },
    "/api/v1/cases/{id}/actions/{action}": {
      post: {
        tags: ["Cases"],
        operationId: "performAction",
        summary: "Perform an action on a case",
        description:
          "The body is { version, ...input }; the input of each action is described on its own path below. " +
          "Actions that need a second person's approval answer 202 with outcome approval_requested instead of 200.",
        security: signedIn([SCOPES.act]),
        parameters: [caseId, { name: "action", in: "path", required: true, schema: { type: "string", enum: [...actions.keys()] } }, ...common],
        requestBody: { required: true, content: jsonContent({ anyOf: [...actions.values()].flatMap((m) => [...m.values()].map(([id]) => ref(id))) }) },
        responses: { 200: { description: "The case after the action.", content: jsonContent(ref("ActionResult")) }, 202: approvalRequested, ...errors },
      },
    },
    ...actionPaths,
    "/api/v1/cases/{id}/attachments": {
      get: {
        tags: ["Cases"],
        operationId: "listAttachments",
        summary: "Files attached to a case",
        security: signedIn([SCOPES.read], [SCOPES.queue]),
        parameters: [caseId, ...common],
        responses: { 200: { description: "The attachments (metadata and a link to the content).", content: jsonContent({ type: "object" }) }, ...pick(401, 404, 500) },
      },
      post: {
        tags: ["Cases"],
        operationId: "attachDocument",
        summary: "Attach a file (PDF, JPEG or PNG, typed by its content)",
        description: "Performs the attach_document action. The size limit is the attachment_max_bytes rule parameter.",
        security: signedIn([SCOPES.act]),
        parameters: [caseId, ...common],
        requestBody: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                required: ["version", "kind", "file"],
                properties: {
                  version: { type: "integer", minimum: 1 },
                  kind: { type: "string", enum: ["passport_scan", "entry_stamp", "address_document", "host_consent", "other"] },
                  file: { type: "string", contentMediaType: "application/octet-stream" },
                },
              },
            },
          },
        },
        responses: { 201: { description: "The case after the action.", content: jsonContent(ref("ActionResult")) }, ...errors },
      },
    },
    "/api/v1/cases/{id}/attachments/{attachmentId}": {
      get: {
        tags: ["Cases"],
        operationId: "downloadAttachment",
        summary: "The content of one attachment",
        security: signedIn([SCOPES.read], [SCOPES.queue]),
        parameters: [caseId, { name: "attachmentId", in: "path", required: true, schema: { type: "string", format: "uuid" } }, ...common],
        responses: { 200: { description: "The file, as a download." }, ...pick(401, 404, 500) },
      },
    },
    "/api/v1/openapi.json": {
      get: {
        tags: ["Meta"],
        operationId: "getOpenApi",
        summary: "This document",
        security: [],
        responses: { 200: { description: "OpenAPI 3.1 document.", content: jsonContent({ type: "object" }) } },
      },
    },
    "/api/health": {
      get: {
        tags: ["Meta"],
        operationId: "getHealth",
        summary: "Health check",
        description: "Runs a trivial query; 503 when the database does not answer.",
        security: [],
        responses: {
          200: { description: "Healthy.", content: jsonContent(ref("Health")) },
          503: { description: "The database is unreachable.", content: jsonContent(ref("Health")) },
        },
      },
    },
  };

  const error = (description: string, schema: JsonObject = ref("Error")) => ({ description, content: jsonContent(schema) });

  return {
    openapi: "3.1.0",
    info: {
      title: "Migration services case API",
      version: "1.0.0",
      description:
        "Integrations file applications, read cases and act on them through the same engine as the web pages. " +
        "Authenticate with an admin-issued bearer token (scopes: applications:create, applications:read, cases:read, cases:act) " +
        "or a signed-in session cookie. Errors carry a stable `error` code, a `message` in the language of Accept-Language " +
        "(kk, ru or en; English by default) and its `messageKey`. Not found and not allowed look the same (404).",
    },
    jsonSchemaDialect: DIALECT,
    servers: [{ url: "/" }],
    security: signedIn([]),
    tags: [
      { name: "Applications", description: "Filing and reading applications." },
      { name: "Cases", description: "Staff work on cases." },
      { name: "Public", description: "No sign-in needed." },
      { name: "Meta", description: "Health and this description." },
    ],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "An API token issued by an administrator; listed scopes are required." },
        cookieAuth: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "The web session (named __Secure-authjs.session-token over HTTPS)." },
      },
      schemas: components,
      parameters: {
        AcceptLanguage: {
          name: "Accept-Language",
          in: "header",
          required: false,
          description: "Language of `message` in errors: kk, ru or en (default en).",
          schema: { type: "string" },
        },
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description: "Recommended. 1–200 characters, unique per request you mean to make once; scoped to the caller.",
          schema: toSchema(api.idempotencyKey),
        },
      },
      responses: {
        BadRequest: error("The body is not valid JSON."),
        Unauthorized: error("No valid session or token."),
        Forbidden: error("Signed in, but not allowed (e.g. a token without the needed scope)."),
        NotFound: error("Not found, or not visible to the caller."),
        VersionConflict: error("The case changed since the version sent.", ref("VersionConflict")),
        PayloadTooLarge: error("The body is larger than 100 KiB."),
        UnsupportedMediaType: error("The body must be sent as Content-Type: application/json."),
        Unprocessable: error("Invalid input (validation_failed, with issue paths) or a broken rule (rule_violation, with the rule ID).", {
          oneOf: [ref("ValidationFailed"), ref("RuleViolation")],
        }),
        ValidationFailed: error("Invalid query parameters.", ref("ValidationFailed")),
        TooManyRequests: {
          ...error("Rate limit reached.", ref("TooManyRequests")),
          headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
        },
        InternalError: error("A fault on the server."),
      },
    },
  };
}
