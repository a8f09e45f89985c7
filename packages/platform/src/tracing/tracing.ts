import type { Span, Tracer } from "@opentelemetry/api";
import type { Config } from "../config";
import type { Logger } from "../logger";

/** Attribute values a span carries (OpenTelemetry's primitive attribute types). */
export type SpanAttributes = Record<string, string | number | boolean | undefined>;

export interface Tracing {
  /** Sends the spans still buffered; call before a short-lived process (a task run) ends. */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

// One tracer per process, on globalThis: Next.js loads route handlers and instrumentation as separate module
// instances (STACK-NOTES), and both must see the tracer the runtime started.
const TRACER_KEY = Symbol.for("orylo.tracing.tracer");
type Holder = { [TRACER_KEY]?: Tracer };

/**
 * Starts OpenTelemetry tracing when `OTEL_EXPORTER_OTLP_ENDPOINT` is set: spans are batched and sent over
 * OTLP/HTTP. Without it nothing is loaded and `traced` calls its function directly, so tracing off costs
 * one property read per span. Returns null when off.
 */
export async function startTracing(
  config: Pick<Config, "tracing">,
  logger: Logger,
  options: { exportDelayMs?: number } = {},
): Promise<Tracing | null> {
  if (!config.tracing) return null;
  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }] =
    await Promise.all([
      import("@opentelemetry/sdk-trace-node"),
      import("@opentelemetry/exporter-trace-otlp-http"),
      import("@opentelemetry/resources"),
    ]);
  const exporter = new OTLPTraceExporter({ url: `${config.tracing.endpoint.replace(/\/$/, "")}/v1/traces` });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": config.tracing.serviceName }),
    spanProcessors: [
      new BatchSpanProcessor(exporter, { scheduledDelayMillis: options.exportDelayMs ?? 2_000 }),
    ],
  });
  // Registers the AsyncLocalStorage context manager, so spans started inside a span become its children.
  provider.register();
  (globalThis as Holder)[TRACER_KEY] = provider.getTracer("orylo");
  logger.info({ endpoint: config.tracing.endpoint }, "OpenTelemetry tracing on");
  return {
    flush: () => provider.forceFlush(),
    async shutdown() {
      delete (globalThis as Holder)[TRACER_KEY];
      await provider.shutdown();
    },
  };
}

/**
 * Runs `work` in a span named `name` when tracing is on (its outcome recorded: an exception marks the span
 * failed and is rethrown); calls it directly when off. `work` may add attributes learnt on the way.
 */
export async function traced<T>(
  name: string,
  attributes: SpanAttributes,
  work: (span: Pick<Span, "setAttribute"> | null) => Promise<T>,
): Promise<T> {
  const tracer = (globalThis as Holder)[TRACER_KEY];
  if (!tracer) return work(null);
  return tracer.startActiveSpan(name, { attributes: definedOnly(attributes) }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: 2, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

function definedOnly(attributes: SpanAttributes): Record<string, string | number | boolean> {
  return Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== undefined)) as Record<
    string,
    string | number | boolean
  >;
}
