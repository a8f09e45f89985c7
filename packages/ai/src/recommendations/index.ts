export { formatAmount } from "../format";
export * from "./rationale-request";
export * from "./rationale-template";
export * from "./recommendation-facts";
