export { type SpanAttributes, startTracing, type Tracing, traced } from "./tracing";
