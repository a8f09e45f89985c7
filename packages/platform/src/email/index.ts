export { createMailer, type Mailer, type OutgoingEmail } from "./mailer";
