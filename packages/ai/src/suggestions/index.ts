export * from "./suggestion-confidence";
export * from "./suggestion-facts";
export * from "./suggestion-reasoning";
