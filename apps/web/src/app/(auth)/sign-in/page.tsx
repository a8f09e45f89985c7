import Link from "next/link";
import { TextField } from "@/components/ui/text-field";
import { dictionary, resolveLocale } from "@/i18n/dictionary";
import { format } from "@/i18n/format";
import { getRuntime } from "@/server/runtime";
import { signIn } from "../actions";
import { AuthForm } from "../auth-form";

export const dynamic = "force-dynamic";

// GET /sign-in — email + password; in embedded mode the demo login is printed and prefilled.
export default async function SignInPage() {
  const t = dictionary(await resolveLocale()).auth;
  const runtime = await getRuntime();
  const demo = runtime.config.mode === "embedded" ? runtime.demo?.credentials : undefined;
  return (
    <main className="auth-page">
      <h1>{t.signInTitle}</h1>
      {demo ? (
        <p className="alert">{format(t.demoHint, { email: demo.email, password: demo.password })}</p>
      ) : null}
      <AuthForm action={signIn} submit={t.signIn}>
        <label className="field">
          {t.email}
          <input
            className="input"
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={demo?.email}
          />
        </label>
        <TextField
          label={t.password}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          defaultValue={demo?.password}
        />
      </AuthForm>
      <p className="muted">
        {t.noAccount} <Link href="/sign-up">{t.signUp}</Link>
      </p>
    </main>
  );
}
