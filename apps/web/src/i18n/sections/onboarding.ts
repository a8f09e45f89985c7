const en = {
  title: "Set up Orylo",
  intro: "Three steps: your organization, where your payments come from, and a check that they arrive.",
  step1: "1. Your organization",
  step1Done: "{name}: time zone {zone}, reporting currency {currency}.",
  edit: "Change in settings",
  step2: "2. Connect Stripe, or start with demo data",
  connected: "Connected to Stripe ({method}, {mode}).",
  oauth: "Connect with Stripe",
  oauthHint: "Stripe asks you to authorize Orylo, then brings you back here.",
  oauthOff: "Stripe Connect is not configured on this installation: use a restricted key.",
  keyTitle: "With a restricted key",
  keyHint:
    "Create a restricted key in Stripe (Developers → API keys) with Charges: Read, Disputes: Read, Early Fraud Warnings: Read and Webhook Endpoints: Write. Orylo then creates its webhook endpoint itself.",
  key: "Restricted key (rk_…)",
  ownEndpoint:
    "If your key may not create endpoints: in Stripe, add an endpoint with this URL, then paste the signing secret Stripe generated.",
  endpointUrl: "Endpoint URL",
  secret: "Signing secret (whsec_…, optional)",
  connect: "Connect",
  demoTitle: "No Stripe account at hand?",
  demoHint:
    "Orylo gives this organization its own webhook endpoint, and simulated shoppers and attacks reach it through the real path.",
  demo: "Start with demo data",
  demoReady:
    "Demo endpoint ready. Send simulated traffic (shoppers, then a card-testing burst) from a terminal:",
  step3: "3. Send a test event",
  testHint:
    "A test-mode payment, signed like Stripe signs it, sent to your webhook URL: proof the whole path works.",
  test: "Send a test event",
  testOk: "Received and verified: status {status}.",
  testDecision: "Orylo scored it: {decision}, risk {score}.",
  testFailed: "The webhook answered {status}: {message}",
  testNeedsSource: "Connect Stripe or start with demo data first.",
  done: "Go to the dashboard",
  finish: "Finish setting up: connect Stripe or start with demo data.",
};

const fr: typeof en = {
  title: "Configurer Orylo",
  intro:
    "Trois étapes : votre organisation, la source de vos paiements, et une vérification qu’ils arrivent.",
  step1: "1. Votre organisation",
  step1Done: "{name} : fuseau {zone}, devise de reporting {currency}.",
  edit: "Modifier dans les réglages",
  step2: "2. Connecter Stripe, ou commencer avec des données de démo",
  connected: "Connecté à Stripe ({method}, {mode}).",
  oauth: "Se connecter avec Stripe",
  oauthHint: "Stripe vous demande d’autoriser Orylo, puis vous ramène ici.",
  oauthOff: "Stripe Connect n’est pas configuré sur cette installation : utilisez une clé restreinte.",
  keyTitle: "Avec une clé restreinte",
  keyHint:
    "Créez une clé restreinte dans Stripe (Développeurs → Clés API) avec Charges : lecture, Litiges : lecture, Alertes précoces de fraude : lecture et Endpoints de webhook : écriture. Orylo crée alors lui-même son endpoint.",
  key: "Clé restreinte (rk_…)",
  ownEndpoint:
    "Si votre clé ne peut pas créer d’endpoint : dans Stripe, ajoutez un endpoint avec cette URL, puis collez le secret de signature généré par Stripe.",
  endpointUrl: "URL de l’endpoint",
  secret: "Secret de signature (whsec_…, facultatif)",
  connect: "Connecter",
  demoTitle: "Pas de compte Stripe sous la main ?",
  demoHint:
    "Orylo donne à cette organisation son propre endpoint de webhook : des clients et des attaques simulés y arrivent par le vrai chemin.",
  demo: "Commencer avec des données de démo",
  demoReady:
    "Endpoint de démo prêt. Envoyez du trafic simulé (des clients, puis une rafale de test de cartes) depuis un terminal :",
  step3: "3. Envoyer un événement de test",
  testHint:
    "Un paiement en mode test, signé comme Stripe le signe, envoyé à votre URL de webhook : la preuve que tout le chemin fonctionne.",
  test: "Envoyer un événement de test",
  testOk: "Reçu et vérifié : statut {status}.",
  testDecision: "Orylo l’a évalué : {decision}, risque {score}.",
  testFailed: "Le webhook a répondu {status} : {message}",
  testNeedsSource: "Connectez Stripe ou commencez avec des données de démo d’abord.",
  done: "Aller au tableau de bord",
  finish: "Terminez la configuration : connectez Stripe ou commencez avec des données de démo.",
};

export const onboarding = { en, fr };
