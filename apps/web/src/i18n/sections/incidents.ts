const en = {
  title: "Incidents",
  open: "Open",
  resolved: "Resolved",
  noneOpen: "No open incident: webhooks arrive and events are processed.",
  noneResolved: "No resolved incident yet.",
  firstSeen: "first seen",
  lastSeen: "last seen",
  resolvedAt: "resolved",
  more: "Older incidents",
  summary: {
    attempts: "attempts",
    blocked: "blocked",
    cards: "distinct cards",
    protected: "protected",
    rule: "Suggested temporary rule, until",
    useRule: "Write it as a rule",
    title: "Card-testing attack: {blocked} attempts blocked",
    since: "Started {time}; the alert as it was sent",
  },
  severity: { info: "Info", warning: "Warning", critical: "Critical" },
  delivery: {
    pending: "being sent",
    emailed: "emailed to owners and admins",
    stored: "shown here (no email configured)",
  },
};

const fr: typeof en = {
  title: "Incidents",
  open: "En cours",
  resolved: "Résolus",
  noneOpen: "Aucun incident en cours : les webhooks arrivent et les événements sont traités.",
  noneResolved: "Aucun incident résolu pour l’instant.",
  firstSeen: "vu la première fois le",
  lastSeen: "vu la dernière fois le",
  resolvedAt: "résolu le",
  more: "Incidents plus anciens",
  summary: {
    attempts: "tentatives",
    blocked: "bloquées",
    cards: "cartes distinctes",
    protected: "protégés",
    rule: "Règle temporaire suggérée, jusqu’au",
    useRule: "En faire une règle",
    title: "Attaque de test de cartes : {blocked} tentatives bloquées",
    since: "Commencée le {time} ; l’alerte telle qu’elle a été envoyée",
  },
  severity: { info: "Info", warning: "Attention", critical: "Critique" },
  delivery: {
    pending: "en cours d’envoi",
    emailed: "envoyé aux propriétaires et administrateurs",
    stored: "affiché ici (pas d’e-mail configuré)",
  },
};

export const incidents = { en, fr };
