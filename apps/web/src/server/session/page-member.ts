import { type MemberCtx, OryloError, type Permission } from "@orylo/core";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { memberContext } from "./member-context";

/** For pages: a visitor without a session (or organization) is sent to the sign-in page. */
export async function pageMember(permission: Permission = "read"): Promise<MemberCtx> {
  try {
    return await memberContext(await headers(), permission);
  } catch (error) {
    if (error instanceof OryloError && error.code === "unauthorized") redirect("/sign-in");
    throw error;
  }
}
