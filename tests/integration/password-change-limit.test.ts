// Changing your password on /settings/me checks the current one: without a limit, someone holding a
// stolen session could guess it there. Wrong current passwords are limited per person with the same
// throttle (and settings) sign-in uses.
import { actAs, signInAs } from "../helpers/as-person";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { changePasswordAction } from "@/app/(account)/settings/me/actions";
import { getDb } from "@/db";
import { accountHolders } from "@/db/schema";
import { logIn } from "@/lib/auth/login";
import { verifyPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import type { Actor } from "@/lib/people/actor";
import { changePassword } from "@/lib/people/your-account";
import { openSession, PASSWORD, teamAccount } from "../helpers/people";

type Team = Awaited<ReturnType<typeof teamAccount>>;
let team: Team;
beforeAll(async () => {
  team = await teamAccount("password-limit");
});

const NEW = "a brand new secret";
const THROTTLED = `Too many wrong current passwords. Try again in ${env.LOGIN_WINDOW_MINUTES} minutes.`;
const hashOf = async (id: string) => (await getDb().select({ h: accountHolders.passwordHash }).from(accountHolders).where(eq(accountHolders.id, id)))[0]!.h!;
const attempt = async (actor: Actor, current: string) =>
  changePassword(actor, { current, next: NEW, confirm: NEW, currentSession: await openSession(actor.id) });
const wrong = (actor: Actor, n: number) => Promise.all(Array.from({ length: n }, (_, i) => attempt(actor, `wrong guess ${i}`)));

describe("changing your password: wrong current passwords are limited", () => {
  it("refuses every try, the right password included, once the limit is reached; others are not held back", async () => {
    const person = await team.add("editor", "guessed");
    const answers = await wrong(person, env.LOGIN_MAX_FAILURES);
    for (const answer of answers) expect(answer).toEqual({ status: "invalid", fieldErrors: { current: "That is not your current password" } });

    expect(await attempt(person, PASSWORD)).toEqual({ status: "throttled", message: THROTTLED });
    expect(await verifyPassword(PASSWORD, await hashOf(person.id))).toBe(true);

    // The limit is per person and apart from sign-in's: a colleague changes theirs, and signing in still works.
    expect(await attempt(team.viewer, PASSWORD)).toMatchObject({ status: "ok" });
    expect((await logIn({ email: person.email, password: PASSWORD, address: "198.51.100.7" })).status).toBe("ok");
  });

  it("counts parallel tries in one step: no more password checks than the limit", async () => {
    const person = await team.add("viewer", "parallel");
    const answers = await wrong(person, env.LOGIN_MAX_FAILURES * 2);
    const checked = answers.filter((a) => a.status === "invalid").length;
    expect(checked).toBe(env.LOGIN_MAX_FAILURES);
    expect(answers.filter((a) => a.status === "throttled")).toHaveLength(env.LOGIN_MAX_FAILURES);
  });

  it("starts again from zero after a change with the right password", async () => {
    const person = await team.add("admin", "forgetful");
    await wrong(person, env.LOGIN_MAX_FAILURES - 1);
    expect(await attempt(person, PASSWORD)).toMatchObject({ status: "ok" });
    const again = await wrong(person, env.LOGIN_MAX_FAILURES);
    expect(again.every((a) => a.status === "invalid")).toBe(true);
    expect(await attempt(person, NEW)).toEqual({ status: "throttled", message: THROTTLED });
  });

  it("does not count a form the rules refuse before the current password is checked", async () => {
    const person = await team.add("editor", "typo");
    for (let i = 0; i < env.LOGIN_MAX_FAILURES; i++) {
      expect(await changePassword(person, { current: PASSWORD, next: "short", confirm: "short", currentSession: "" })).toMatchObject({ status: "invalid" });
    }
    expect(await attempt(person, PASSWORD)).toMatchObject({ status: "ok" });
  });

  it("answers the Your account form with the message", async () => {
    const person = await team.add("viewer", "form");
    await wrong(person, env.LOGIN_MAX_FAILURES);
    actAs(await signInAs(person.id));
    const form = new FormData();
    for (const [key, value] of Object.entries({ current: PASSWORD, next: NEW, confirm: NEW })) form.append(key, value);
    expect(await changePasswordAction({ status: "idle" }, form)).toEqual({ status: "error", message: THROTTLED });
    expect(await verifyPassword(PASSWORD, await hashOf(person.id))).toBe(true);
  });
});
