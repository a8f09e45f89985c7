export * from "./analytics";
export * from "./cache";
export * from "./config";
export * from "./crypto";
export * from "./errors";
export * from "./logger";
export * from "./stripe-client";
export * from "./tasks";
