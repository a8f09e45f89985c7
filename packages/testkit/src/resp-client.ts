import { connect, type Socket } from "node:net";

/** A Redis error reply, returned as a value (not thrown) so pipelines and EXEC can carry it. */
export class RespError extends Error {}
export type RespValue = string | Buffer | number | null | RespError | RespValue[];

type Parsed = [value: RespValue, next: number] | undefined;

/** Parses one RESP2 value at `offset`; undefined when the buffer does not hold all of it yet. */
export function parseResp(buffer: Buffer, offset = 0): Parsed {
  const lineEnd = buffer.indexOf("\r\n", offset);
  if (lineEnd === -1) return undefined;
  const type = String.fromCharCode(buffer[offset] ?? 0);
  const line = buffer.toString("utf8", offset + 1, lineEnd);
  const next = lineEnd + 2;
  switch (type) {
    case "+":
      return [line, next];
    case "-":
      return [new RespError(line), next];
    case ":":
      return [Number(line), next];
    case "$": {
      const length = Number(line);
      if (length === -1) return [null, next];
      if (buffer.length < next + length + 2) return undefined;
      return [buffer.subarray(next, next + length), next + length + 2];
    }
    case "*": {
      const count = Number(line);
      if (count === -1) return [null, next];
      const items: RespValue[] = [];
      let cursor = next;
      for (let i = 0; i < count; i++) {
        const item = parseResp(buffer, cursor);
        if (!item) return undefined;
        items.push(item[0]);
        cursor = item[1];
      }
      return [items, cursor];
    }
    default:
      throw new Error(`Unsupported RESP type ${JSON.stringify(type)}`);
  }
}

export function encodeCommand(args: readonly (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const arg of args) {
    const bytes = typeof arg === "string" ? Buffer.from(arg, "utf8") : arg;
    parts.push(Buffer.from(`$${bytes.length}\r\n`), bytes, Buffer.from("\r\n"));
  }
  return Buffer.concat(parts);
}

/** A tiny Redis client over node:net: commands are pipelined and answered in order. */
export class RespConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly pending: { resolve: (v: RespValue) => void; reject: (e: Error) => void }[] = [];

  private constructor(private readonly socket: Socket) {
    socket.on("data", (chunk) => this.onData(chunk));
    const fail = (error: Error) => {
      for (const waiter of this.pending.splice(0)) waiter.reject(error);
    };
    socket.on("error", fail);
    socket.on("close", () => fail(new Error("Redis connection closed")));
  }

  static connect(port: number, host = "127.0.0.1"): Promise<RespConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host });
      socket.once("error", reject);
      socket.once("connect", () => {
        socket.off("error", reject);
        socket.setNoDelay(true);
        resolve(new RespConnection(socket));
      });
    });
  }

  send(args: readonly (string | Buffer)[]): Promise<RespValue> {
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.socket.write(encodeCommand(args));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.destroyed) return resolve();
      this.socket.once("close", () => resolve());
      this.socket.end();
    });
  }

  private onData(chunk: Buffer) {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    let offset = 0;
    for (;;) {
      const parsed = parseResp(this.buffer, offset);
      if (!parsed) break;
      offset = parsed[1];
      this.pending.shift()?.resolve(parsed[0]);
    }
    this.buffer = this.buffer.subarray(offset);
  }
}
