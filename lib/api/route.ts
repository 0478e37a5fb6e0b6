import "server-only";
import { unstable_rethrow } from "next/navigation";
import { internalError, json } from "./http";
import { apiTranslator } from "./i18n";

/**
 * Wraps a route handler so that a fault becomes a JSON 500 in the caller's language. The error is
 * logged, never echoed: database messages can carry data and schema details.
 */
export function apiRoute(handler: (request: Request) => Promise<Response>): (request: Request) => Promise<Response>;
export function apiRoute<C>(handler: (request: Request, context: C) => Promise<Response>): (request: Request, context: C) => Promise<Response>;
export function apiRoute<C>(handler: (request: Request, context: C) => Promise<Response>): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      unstable_rethrow(error);
      console.error(`${request.method} ${new URL(request.url).pathname} failed`, error);
      try {
        return internalError((await apiTranslator(request)).t);
      } catch {
        return json({ error: "internal_error" }, 500);
      }
    }
  };
}
