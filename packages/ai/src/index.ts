export * from "./cited-factors";
export * from "./explain-with-templates";
export * from "./explanation";
export * from "./incidents";
export * from "./llm-explanation";
export * from "./providers";
export * from "./recommendations";
export * from "./rule-draft";
