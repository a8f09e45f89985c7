export * from "./cache";
export * from "./config";
export * from "./crypto";
export * from "./errors";
export * from "./logger";
