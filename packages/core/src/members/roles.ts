import { z } from "zod";

/** The roles a member holds in an organization (better-auth's `member.role`). */
export const Role = z.enum(["owner", "admin", "analyst", "viewer"]);
export type Role = z.infer<typeof Role>;

/**
 * What a dashboard caller may do: `read` anything of its organization, `act` on payments (block, whitelist,
 * label, review), `configure` the organization (rules, lists, settings, team, API keys).
 */
export const Permission = z.enum(["read", "act", "configure"]);
export type Permission = z.infer<typeof Permission>;

const GRANTS: Record<Role, readonly Permission[]> = {
  owner: ["read", "act", "configure"],
  admin: ["read", "act", "configure"],
  analyst: ["read", "act"],
  viewer: ["read"],
};

/** The one table every page and action checks; an unknown role (a hand-edited row) may only read. */
export function roleAllows(role: string, permission: Permission): boolean {
  const parsed = Role.safeParse(role);
  return (parsed.success ? GRANTS[parsed.data] : GRANTS.viewer).includes(permission);
}
