const en = {
  title: "API keys",
  name: "Name",
  key: "Key",
  scopes: "Scopes",
  scope: { read: "read", write: "write", evaluate: "evaluate (pre-payment scoring)" },
  create: "Create key",
  shownOnce: "Copy this key now: it is shown once, only its hash is kept.",
  none: "No API key yet.",
  lastUsed: "Last used",
  never: "never",
  revoke: "Revoke",
  confirmRevoke: "Revoke {name} now",
  cancel: "Cancel",
  revoked: "Key revoked: its next call is refused.",
  revokedState: "revoked",
};

const fr: typeof en = {
  title: "Clés d’API",
  name: "Nom",
  key: "Clé",
  scopes: "Droits",
  scope: { read: "lecture", write: "écriture", evaluate: "évaluation (avant paiement)" },
  create: "Créer la clé",
  shownOnce: "Copiez cette clé maintenant : elle n’est montrée qu’une fois, seule son empreinte est gardée.",
  none: "Aucune clé d’API pour l’instant.",
  lastUsed: "Dernier usage",
  never: "jamais",
  revoke: "Révoquer",
  confirmRevoke: "Révoquer {name} maintenant",
  cancel: "Annuler",
  revoked: "Clé révoquée : son prochain appel est refusé.",
  revokedState: "révoquée",
};

export const apiKeys = { en, fr };
