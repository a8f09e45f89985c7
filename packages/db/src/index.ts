export * from "./personal-data";
export * as schema from "./schema";
export * from "./schema";
