export * from "./bucket";
export * from "./explanation-facts";
export * from "./explanation-prompt";
export * from "./render-draft";
