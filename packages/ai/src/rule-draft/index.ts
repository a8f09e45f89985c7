export * from "./pseudonymize-sentence";
export * from "./rule-draft-request";
