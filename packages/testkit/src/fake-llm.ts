import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the fake received, decoded from either wire format. */
export interface FakeLlmCall {
  api: "openai" | "anthropic";
  model: string;
  system: string;
  user: string;
  /** The structured-output name: OpenAI's `response_format.json_schema.name` or Anthropic's forced tool. */
  schemaName: string | null;
  body: Record<string, unknown>;
}

/**
 * What the fake answers: a structured `output` (JSON content / tool input), `raw` text that is not the
 * expected JSON, an HTTP error in the provider's own shape, or a `delayMs` before any of them (past the
 * client's timeout, it is a timeout).
 */
export type FakeLlmReply =
  | { output: unknown; delayMs?: number }
  | { raw: string; delayMs?: number }
  | { status: number; message?: string; delayMs?: number };

export interface FakeLlm {
  /** Base URL for `new Anthropic({ baseURL })`; OpenAI's SDK wants `${url}/v1`. */
  url: string;
  calls: FakeLlmCall[];
  /** Decides each answer; replace it per test. */
  respond: (call: FakeLlmCall) => FakeLlmReply;
  close(): Promise<void>;
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
}

type Message = { role: string; content: unknown };
const text = (content: unknown): string =>
  typeof content === "string"
    ? content
    : Array.isArray(content)
      ? content.map((part) => (part as { text?: string }).text ?? "").join("")
      : "";
const tokens = (value: string) => Math.ceil(value.length / 4);

function decode(api: FakeLlmCall["api"], body: Record<string, unknown>): FakeLlmCall {
  const messages = (body.messages ?? []) as Message[];
  const system =
    api === "openai"
      ? messages
          .filter((m) => m.role === "system")
          .map((m) => text(m.content))
          .join("\n")
      : text(body.system);
  const user = messages
    .filter((m) => m.role === "user")
    .map((m) => text(m.content))
    .join("\n");
  const format = body.response_format as { json_schema?: { name?: string } } | undefined;
  const tool = body.tool_choice as { name?: string } | undefined;
  return {
    api,
    model: String(body.model ?? ""),
    system,
    user,
    schemaName: (api === "openai" ? format?.json_schema?.name : tool?.name) ?? null,
    body,
  };
}

function openAiBody(call: FakeLlmCall, content: string) {
  const promptTokens = tokens(call.system + call.user);
  const completionTokens = tokens(content);
  return {
    id: `chatcmpl-fake${Date.now()}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: call.model,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content, refusal: null },
        finish_reason: "stop",
        logprobs: null,
      },
    ],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
  };
}

function anthropicBody(call: FakeLlmCall, reply: { output: unknown } | { raw: string }) {
  const content =
    "output" in reply
      ? [
          {
            type: "tool_use",
            id: `toolu_fake${Date.now()}`,
            name: call.schemaName ?? "answer",
            input: reply.output,
          },
        ]
      : [{ type: "text", text: reply.raw }];
  return {
    id: `msg_fake${Date.now()}`,
    type: "message",
    role: "assistant",
    model: call.model,
    content,
    stop_reason: "output" in reply ? "tool_use" : "end_turn",
    stop_sequence: null,
    usage: {
      input_tokens: tokens(call.system + call.user),
      output_tokens: tokens(JSON.stringify(content)),
    },
  };
}

function errorBody(api: FakeLlmCall["api"], status: number, message: string) {
  const type = status === 429 ? "rate_limit_error" : status >= 500 ? "api_error" : "invalid_request_error";
  return api === "openai"
    ? { error: { message, type, param: null, code: null } }
    : { type: "error", error: { type: status === 529 ? "overloaded_error" : type, message } };
}

/**
 * A local server speaking OpenAI's chat completions (`POST /v1/chat/completions`) and Anthropic's messages
 * (`POST /v1/messages`) for the real `openai` and `@anthropic-ai/sdk` clients. Tests script every answer.
 */
export async function startFakeLlm(respond?: FakeLlm["respond"]): Promise<FakeLlm> {
  const fake: FakeLlm = {
    url: "",
    calls: [],
    respond: respond ?? (() => ({ status: 500, message: "no answer scripted" })),
    close: async () => undefined,
  };
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const api = path === "/v1/chat/completions" ? "openai" : path === "/v1/messages" ? "anthropic" : null;
    const send = (status: number, payload: unknown) => {
      if (response.destroyed) return;
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload));
    };
    if (request.method !== "POST" || !api) return send(404, errorBody("openai", 404, `no route ${path}`));
    const call = decode(api, await readJson(request));
    fake.calls.push(call);
    const reply = fake.respond(call);
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if ("status" in reply)
      return send(reply.status, errorBody(api, reply.status, reply.message ?? "fake error"));
    if (api === "anthropic") return send(200, anthropicBody(call, reply));
    return send(200, openAiBody(call, "output" in reply ? JSON.stringify(reply.output) : reply.raw));
  };
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify(errorBody("openai", 500, (error as Error).message)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return fake;
}
