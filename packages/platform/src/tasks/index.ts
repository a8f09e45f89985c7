export * from "./forward-to-trigger";
export * from "./inline-task-host";
export * from "./outbox-store";
export * from "./relay-outbox";
export * from "./retry-later";
export * from "./run-task-inline";
export * from "./task-descriptor";
