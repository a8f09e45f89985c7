/** The roles as the dashboard names them in French (the role ids are the English names). */
const FRENCH_ROLES: Record<string, string> = {
  owner: "propriétaire",
  admin: "administrateur",
  analyst: "analyste",
  viewer: "lecteur",
};

/** What an invitation email says, in French or English (plain text: it carries a link and nothing secret). */
export function invitationEmailText(
  language: "fr" | "en",
  {
    organizationName,
    inviterName,
    role,
    acceptUrl,
    expiresAt,
  }: {
    organizationName: string;
    inviterName: string;
    role: string | null;
    acceptUrl: string;
    expiresAt: Date;
  },
): { subject: string; text: string } {
  const until = expiresAt.toISOString().slice(0, 16).replace("T", " ");
  if (language === "fr")
    return {
      subject: `${inviterName} vous invite à rejoindre ${organizationName} sur Orylo`,
      text:
        `${inviterName} vous invite à rejoindre ${organizationName} sur Orylo (rôle : ${FRENCH_ROLES[role ?? "viewer"] ?? role}).\n\n` +
        `Pour accepter, connectez-vous ou créez un compte avec cette adresse e-mail, puis ouvrez ce lien :\n` +
        `${acceptUrl}\n\nL’invitation expire le ${until} UTC.`,
    };
  return {
    subject: `${inviterName} invited you to ${organizationName} on Orylo`,
    text:
      `${inviterName} invited you to join ${organizationName} on Orylo (role: ${role ?? "viewer"}).\n\n` +
      `To accept, sign in or create an account with this email address, then open this link:\n` +
      `${acceptUrl}\n\nThe invitation expires on ${until} UTC.`,
  };
}
