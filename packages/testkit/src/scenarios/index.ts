export * from "./attacks";
export * from "./disputes";
export * from "./identities";
export * from "./random";
export * from "./scenarios";
export * from "./shoppers";
export * from "./stripe-charge";
