"use server";

import { createOrganization } from "@orylo/core";
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requestContext } from "@/server/request-context";
import { getRuntime } from "@/server/runtime";

export type AuthFormState = { error: string | null };

const Credentials = z.object({ email: z.email().max(320), password: z.string().min(8).max(200) });
const SignUp = Credentials.extend({
  name: z.string().trim().min(1).max(100),
  shop: z.string().trim().min(1).max(100),
  timeZone: z.string().min(1).max(64),
  currency: z.string().regex(/^[a-zA-Z]{3}$/),
});

const fieldsOf = (form: FormData) =>
  Object.fromEntries([...form].map(([key, value]) => [key, String(value)]));

/** Better-auth answers a refused sign-in with an `APIError` whose message is safe to show. */
function refusal(error: unknown): AuthFormState {
  if (error instanceof APIError) return { error: error.message };
  if (error instanceof z.ZodError) return { error: z.prettifyError(error) };
  throw error;
}

// Server action — sign in with email + password; the session cookie is set by better-auth's nextCookies.
export async function signIn(_state: AuthFormState, form: FormData): Promise<AuthFormState> {
  const runtime = await getRuntime();
  try {
    const body = Credentials.parse(fieldsOf(form));
    await runtime.auth.api.signInEmail({ body, headers: await headers() });
  } catch (error) {
    return refusal(error);
  }
  redirect("/");
}

// Server action — a new user and their organization, of which they are the owner.
export async function signUp(_state: AuthFormState, form: FormData): Promise<AuthFormState> {
  const runtime = await getRuntime();
  try {
    const fields = SignUp.parse(fieldsOf(form));
    const { user } = await runtime.auth.api.signUpEmail({
      body: { name: fields.name, email: fields.email, password: fields.password },
      headers: await headers(),
    });
    await createOrganization(
      { ...requestContext(runtime), actor: { type: "user", userId: user.id } },
      user.id,
      { name: fields.shop, timeZone: fields.timeZone, reportingCurrency: fields.currency },
    );
  } catch (error) {
    return refusal(error);
  }
  redirect("/onboarding");
}

// Server action — end the session.
export async function signOut(): Promise<void> {
  const runtime = await getRuntime();
  await runtime.auth.api.signOut({ headers: await headers() });
  redirect("/sign-in");
}
