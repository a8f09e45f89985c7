import Link from "next/link";
import { TextField } from "@/components/ui/text-field";
import { dictionary, resolveLocale } from "@/i18n/dictionary";
import { signUp } from "../actions";
import { AuthForm } from "../auth-form";

const CURRENCIES = ["eur", "usd", "gbp", "chf", "cad"];

// GET /sign-up — the account and its organization (time zone, reporting currency) in one step.
export default async function SignUpPage() {
  const t = dictionary(await resolveLocale()).auth;
  return (
    <main className="auth-page">
      <h1>{t.signUpTitle}</h1>
      <AuthForm action={signUp} submit={t.signUp}>
        <TextField label={t.name} name="name" autoComplete="name" required />
        <TextField label={t.email} name="email" type="email" autoComplete="email" required />
        <TextField
          label={t.password}
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={8}
          required
        />
        <TextField label={t.shop} name="shop" required />
        <label className="field">
          {t.timeZone}
          <select className="input" name="timeZone" defaultValue="Europe/Paris">
            {Intl.supportedValuesOf("timeZone").map((zone) => (
              <option key={zone}>{zone}</option>
            ))}
          </select>
        </label>
        <label className="field">
          {t.currency}
          <select className="input" name="currency" defaultValue="eur">
            {CURRENCIES.map((code) => (
              <option key={code} value={code}>
                {code.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
      </AuthForm>
      <p className="muted">
        {t.haveAccount} <Link href="/sign-in">{t.signIn}</Link>
      </p>
    </main>
  );
}
