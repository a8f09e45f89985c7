import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The parts of a V8 `.cpuprofile` (node --cpu-prof) this reads. */
interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  samples: number[];
  startTime: number;
  timeDeltas: number[];
  endTime: number;
}

/** Which samples to count, in milliseconds before the profile's end (the process's exit). */
export interface ProfileWindow {
  fromEndMs: number;
  toEndMs: number;
}

export interface AreaCount {
  area: string;
  samples: number;
  share: number;
}

export interface ProfileSummary {
  total: number;
  /** Self samples by where the running function's source lives (the bundle mapped back through its source map). */
  self: AreaCount[];
  /**
   * Samples by which of our work is on the (synchronous) stack, the task host first: after an `await` a
   * continuation's stack starts at the microtask queue, so work that awaited lands under "no frame of ours".
   */
  inclusive: AreaCount[];
}

/**
 * Counts a CPU profile's samples by area. Next.js bundles our packages into `.next/server/chunks`, so a frame's
 * file says little: each bundled frame is mapped back to its source file through the chunk's source map.
 */
export function summarizeProfile(file: string, window?: ProfileWindow): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const sources = new SourceFiles();
  const sourceOf = new Map<number, string>();
  for (const node of profile.nodes) sourceOf.set(node.id, sources.resolve(node.callFrame));

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const times = sampleTimes(profile);
  const from = window ? profile.endTime - window.fromEndMs * 1000 : Number.NEGATIVE_INFINITY;
  const to = window ? profile.endTime - window.toEndMs * 1000 : Number.POSITIVE_INFINITY;
  let total = 0;
  for (const [index, sample] of profile.samples.entries()) {
    if (times[index]! < from || times[index]! > to) continue;
    total += 1;
    const leaf = byId.get(sample)!;
    bump(self, selfArea(leaf.callFrame.functionName, sourceOf.get(sample)!));
    let work = WORK.length;
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const found = WORK.findIndex(([fragment]) => sourceOf.get(id!)!.includes(fragment));
      if (found !== -1) work = Math.min(work, found);
    }
    bump(inclusive, WORK[work]?.[1] ?? "no frame of ours on the stack");
  }
  return { total, self: ranked(self, total), inclusive: ranked(inclusive, total) };
}

/** Each sample's time (µs, the profile's clock): the deltas add up from its start. */
function sampleTimes(profile: CpuProfile): number[] {
  let at = profile.startTime;
  return profile.timeDeltas.map((delta) => {
    at += delta;
    return at;
  });
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function ranked(counts: Map<string, number>, total: number): AreaCount[] {
  return [...counts]
    .map(([area, samples]) => ({ area, samples, share: samples / total }))
    .sort((a, b) => b.samples - a.samples);
}

/** V8's pseudo-frames keep their name; files are grouped by package or by our source folder. */
function selfArea(functionName: string, source: string): string {
  if (source === "") return functionName;
  if (source.startsWith("node:")) return "node internals";
  const ours = /(apps\/web\/src|packages\/[^/]+\/src)\/([^/]+)/.exec(source);
  if (ours) return `${ours[1]}/${ours[2]}`;
  return packageOf(decodeURIComponent(source)) ?? source;
}

/**
 * The package a file belongs to. Bun's store folder names it (`.bun/@scope+name@1.2.3/…`): some packages'
 * source maps point outside their own folder (drizzle-orm's to `node_modules/src/…`).
 */
function packageOf(path: string): string | null {
  const store = /node_modules\/\.bun\/(@?[^/@]+)/.exec(path);
  if (store) return store[1]!.replace("+", "/");
  const last = /node_modules\/(?!.*node_modules\/)((?:@[^/]+\/)?[^/]+)/.exec(path);
  return last ? last[1]! : null;
}

/** Whose work a stack is, by the first of these source folders found on it. */
const WORK: [fragment: string, label: string][] = [
  ["packages/platform/src/tasks/", "inline task host (outbox relay and tasks)"],
  ["apps/web/src/app/api/webhooks/", "webhook route handler"],
  ["apps/web/src/server/http/", "route wrapper"],
  ["packages/", "our packages, continuing after an await"],
  ["apps/web/src/", "other app code"],
];

/** Source files of frames, through the bundle's source maps (read once per chunk). */
class SourceFiles {
  private maps = new Map<string, { map: SourceMap; dir: string } | null>();

  resolve({ url, lineNumber, columnNumber }: CpuProfile["nodes"][number]["callFrame"]): string {
    if (!url || url.startsWith("node:")) return url;
    const path = url.startsWith("file://") ? fileURLToPath(url) : url;
    const loaded = this.load(path);
    if (!loaded) return path;
    const entry = loaded.map.findEntry(lineNumber, columnNumber) as { originalSource?: string };
    return entry.originalSource ? resolve(loaded.dir, entry.originalSource) : path;
  }

  private load(path: string) {
    if (!this.maps.has(path)) {
      const mapFile = `${path}.map`;
      this.maps.set(path, path.includes("/.next/") && existsSync(mapFile) ? readMap(mapFile) : null);
    }
    return this.maps.get(path)!;
  }
}

/** Turbopack's runtime chunk has an index map (`sections`), which Node's SourceMap does not read: left unmapped. */
function readMap(mapFile: string) {
  const payload = JSON.parse(readFileSync(mapFile, "utf8"));
  return typeof payload.mappings === "string" ? { map: new SourceMap(payload), dir: dirname(mapFile) } : null;
}
