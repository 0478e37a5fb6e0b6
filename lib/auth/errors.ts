/** Thrown by require* helpers; route code maps "unauthenticated" to sign-in / 401, "forbidden" to 404 / 403. */
export class AuthzError extends Error {
  constructor(readonly code: "unauthenticated" | "forbidden") {
    super(code);
    this.name = "AuthzError";
  }
}
