import { existsSync, readdirSync, readFileSync } from "node:fs";

// Linux /proc accounting, in clock ticks of 10 ms; NaN elsewhere. The fields after the command's ")":
// state, ppid, pgrp, …, utime (index 11), stime (12), cutime (13), cstime (14).
type Stat = { pid: number; ppid: number; group: number; ticks: number; childTicks: number };

function readStats(): Stat[] {
  const stats: Stat[] = [];
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      stats.push({
        pid: Number(pid),
        ppid: Number(fields[1]),
        group: Number(fields[2]),
        ticks: Number(fields[11]) + Number(fields[12]),
        childTicks: Number(fields[13]) + Number(fields[14]),
      });
    } catch {
      // the process ended meanwhile
    }
  }
  return stats;
}

const supported = () => existsSync("/proc/self/stat");

/** CPU time used so far by every live process of a process group, in milliseconds. */
export function processGroupCpuMs(group: number | undefined): number {
  if (group === undefined || !supported()) return Number.NaN;
  return readStats()
    .filter((stat) => stat.group === group)
    .reduce((sum, stat) => sum + stat.ticks * 10, 0);
}

/** The parent of a process (a backend's postmaster), or null when it is gone or /proc is missing. */
export function parentPid(pid: number): number | null {
  if (!supported()) return null;
  return readStats().find((stat) => stat.pid === pid)?.ppid ?? null;
}

/**
 * CPU time used so far by a PostgreSQL server, in milliseconds: the postmaster, its live children (backends,
 * autovacuum, the writers), and the children that already ended (counted in the postmaster's cutime once it
 * has reaped them).
 */
export function postgresServerCpuMs(postmasterPid: number | null): number {
  if (postmasterPid === null || !supported()) return Number.NaN;
  const stats = readStats();
  const postmaster = stats.find((stat) => stat.pid === postmasterPid);
  if (!postmaster) return Number.NaN;
  const children = stats.filter((stat) => stat.ppid === postmaster.pid);
  return (
    (postmaster.ticks + postmaster.childTicks + children.reduce((sum, stat) => sum + stat.ticks, 0)) * 10
  );
}

/** CPU time used so far by this process (the load generator), in milliseconds. */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Starts counting the CPU of each named source (a function giving its CPU so far, in milliseconds); the
 * function returned gives what each one used since, leaving out the sources /proc could not read.
 */
export function startCpuMeter(sources: Record<string, () => number>): () => Record<string, number> {
  const before = Object.entries(sources).map(([name, read]) => [name, read, read()] as const);
  return () =>
    Object.fromEntries(
      before.flatMap(([name, read, start]) => {
        const used = read() - start;
        return Number.isFinite(used) ? [[name, used]] : [];
      }),
    );
}

/** "app 4.9 ms, PostgreSQL 2.1 ms, …; all 7.4 ms": each source's CPU per request and their sum. */
export function cpuPerRequest(
  usedMs: Record<string, number>,
  requests: number,
): { text: string; totalMs: number } {
  const per = Object.entries(usedMs).map(([name, used]) => [name, used / Math.max(1, requests)] as const);
  const totalMs = per.reduce((sum, [, value]) => sum + value, 0);
  const parts = per.map(([name, value]) => `${name} ${value.toFixed(2)} ms`);
  return { text: `${parts.join(", ")}; all ${totalMs.toFixed(2)} ms`, totalMs };
}
