const en = {
  title: "Team",
  name: "Name",
  email: "Email",
  role: "Role",
  roles: { owner: "Owner", admin: "Admin", analyst: "Analyst", viewer: "Viewer" },
  rolesHint:
    "Admins do everything; analysts act on payments but change no rule, list or setting; viewers read.",
  invite: "Invite",
  invited: "Invitation created. Send this link to the person you invited (valid 48 hours):",
  invitedEmailed: "Invitation created and emailed to them; the link, valid 48 hours, if they ask:",
  pending: "invited",
  withdraw: "Withdraw",
  cancelled: "Invitation withdrawn.",
  joinTitle: "Join an organization on Orylo",
  joinAs: "You are signed in as {email}. The invitation must name this email.",
  accept: "Accept the invitation",
  signInFirst:
    "Sign in, or create an account, with the email you were invited with, then open this link again.",
  signIn: "Sign in",
  signUp: "Create an account",
};

const fr: typeof en = {
  title: "Équipe",
  name: "Nom",
  email: "E-mail",
  role: "Rôle",
  roles: { owner: "Propriétaire", admin: "Administrateur", analyst: "Analyste", viewer: "Lecteur" },
  rolesHint:
    "Les administrateurs font tout ; les analystes agissent sur les paiements sans changer règles, listes ni réglages ; les lecteurs lisent.",
  invite: "Inviter",
  invited: "Invitation créée. Envoyez ce lien à la personne invitée (valable 48 heures) :",
  invitedEmailed: "Invitation créée et envoyée par e-mail ; le lien, valable 48 heures, si elle le demande :",
  pending: "invité(e)",
  withdraw: "Retirer",
  cancelled: "Invitation retirée.",
  joinTitle: "Rejoindre une organisation sur Orylo",
  joinAs: "Vous êtes connecté(e) en tant que {email}. L’invitation doit porter cet e-mail.",
  accept: "Accepter l’invitation",
  signInFirst: "Connectez-vous, ou créez un compte, avec l’e-mail invité, puis rouvrez ce lien.",
  signIn: "Se connecter",
  signUp: "Créer un compte",
};

export const team = { en, fr };
