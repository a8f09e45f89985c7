export * from "./incident-summary-text";
