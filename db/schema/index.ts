// Core tables and each service's own tables; every module imports "@/db/schema".
export * from "./core";
export * from "./kandas";
