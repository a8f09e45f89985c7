export * from "./client";
export * from "./embedded-lock";
export * from "./migrate";
export * from "./personal-data";
export * from "./queries/outbox";
export * as schema from "./schema";
export * from "./schema";
