// The device cookie OWASP describes for lockout without denial of service: a browser that has signed
// in as an email before carries a signed cookie binding that email to a random nonce. Its failed
// attempts are counted per device, so an attacker's failures (which lock the email for clients
// without one) never keep the real user out of their own browser. Pure: the secret is passed in.
import { hmac, randomToken, safeEqual } from "@/lib/crypto";

export const DEVICE_COOKIE = "lp_device";
export const DEVICE_COOKIE_DAYS = 365;

const NONCE = /^[\w-]{22}$/; // randomToken(16)

const normalize = (email: string) => email.trim().toLowerCase();
const signature = (secret: string, email: string, nonce: string) => hmac(secret, `lp_device:v1:${normalize(email)}:${nonce}`);

/** The nonce of a device cookie that was issued for this email by this server, else null. */
export function deviceNonceFor(secret: string, email: string, cookie: string | undefined): string | null {
  if (!cookie) return null;
  const [nonce, mac, extra] = cookie.split(".");
  if (!nonce || !mac || extra !== undefined || !NONCE.test(nonce)) return null;
  return safeEqual(mac, signature(secret, email, nonce)) ? nonce : null;
}

/** The cookie to store after a successful sign-in: the one presented if it is for this email, else a new one. */
export function deviceCookieFor(secret: string, email: string, presented: string | undefined): string {
  if (presented && deviceNonceFor(secret, email, presented)) return presented;
  const nonce = randomToken(16);
  return `${nonce}.${signature(secret, email, nonce)}`;
}

/** The throttle key of a device: its failures are counted apart from the email's. */
export const deviceKey = (nonce: string) => `device:${nonce}`;
