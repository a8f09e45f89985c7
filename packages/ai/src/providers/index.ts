export * from "./circuit-breaker";
export * from "./llm-provider";
export * from "./models";
export * from "./provider-chain";
