export * from "./random";
export * from "./scenarios";
export * from "./stripe-charge";
