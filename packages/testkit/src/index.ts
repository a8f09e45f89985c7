export * from "./fake-posthog";
export * from "./redis-server";
export * from "./resp-client";
export * from "./upstash-rest-proxy";
