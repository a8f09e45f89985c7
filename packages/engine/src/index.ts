export * from "./features/catalogue";
export * from "./transaction";
