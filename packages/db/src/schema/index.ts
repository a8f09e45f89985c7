export * from "./api-keys";
export * from "./audit-log";
export * from "./auth";
export * from "./detections";
export * from "./explanations";
export * from "./outbox";
export * from "./payments";
export * from "./webhooks";
