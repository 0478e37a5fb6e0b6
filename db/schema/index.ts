// Core tables and each service's own tables; every module imports "@/db/schema".
export * from "./core";
export * from "./household-permit";
export * from "./refugee-renewal";
export * from "./kandas";
export * from "./drafts";
export * from "./approvals";
export * from "./integrity";
