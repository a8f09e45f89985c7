export * from "./cited-factors";
export * from "./explain-with-templates";
export * from "./explanation";
export * from "./llm-explanation";
export * from "./providers";
export * from "./suggestions";
