export * from "./fixture-path";
export * from "./fresh-event";
export * from "./refresh-stripe-ids";
export * from "./sign-stripe-payload";
export * from "./stripe-fixtures";
