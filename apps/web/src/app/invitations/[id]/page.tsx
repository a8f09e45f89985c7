import { headers } from "next/headers";
import Link from "next/link";
import { dictionary, resolveLocale } from "@/i18n/dictionary";
import { format } from "@/i18n/format";
import { getRuntime } from "@/server/runtime";
import { AcceptInvitation } from "./accept-invitation";

type Params = Promise<{ id: string }>;

// GET /invitations/:id — where an invitation link leads: sign in (or up) with the invited email, then join.
export default async function InvitationPage({ params }: { params: Params }) {
  const { id } = await params;
  const t = dictionary(await resolveLocale()).team;
  const runtime = await getRuntime();
  const session = await runtime.auth.api.getSession({ headers: await headers() });
  return (
    <main className="auth-page">
      <h1>{t.joinTitle}</h1>
      {session ? (
        <>
          <p>{format(t.joinAs, { email: session.user.email })}</p>
          <AcceptInvitation invitationId={id} label={t.accept} />
        </>
      ) : (
        <p>
          {t.signInFirst} <Link href="/sign-in">{t.signIn}</Link> · <Link href="/sign-up">{t.signUp}</Link>
        </p>
      )}
    </main>
  );
}
