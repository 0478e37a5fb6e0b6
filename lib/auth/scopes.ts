/** What an API token may do; checked by the /api/v1 handlers on top of the acting user's role. */
export const API_SCOPES = ["applications:create", "applications:read", "cases:read", "cases:act"] as const;
export type ApiScope = (typeof API_SCOPES)[number];
