import { LinkGone } from "@/app/_components/account-card";

// Used, revoked, expired or unknown invitations: a 404 that names no account.
export default function InvitationNotFound() {
  return <LinkGone askWhom="Invitations work once, for 7 days. Ask the person who invited you for a new one." />;
}
