"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requestClient } from "@/lib/accounts/request-client";
import { DEVICE_COOKIE } from "@/lib/auth/device";
import { logIn } from "@/lib/auth/login";
import { endSession, setSignInCookies } from "@/lib/auth/session";

const loginSchema = z.object({
  email: z.email("Enter the email you signed up with"),
  password: z.string().min(1, "Enter your password"),
});

export type LoginState =
  | { status: "idle" }
  | { status: "invalid"; fieldErrors: Partial<Record<"email" | "password", string>>; email: string }
  | { status: "error"; message: string; email: string };

export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get("email") ?? "");
  const parsed = loginSchema.safeParse({ email: email.trim(), password: formData.get("password") ?? "" });
  if (!parsed.success) {
    const fieldErrors: Partial<Record<"email" | "password", string>> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path[0] as "email" | "password"] ??= issue.message;
    return { status: "invalid", fieldErrors, email };
  }
  const { userAgent, address } = await requestClient();
  const deviceCookie = (await cookies()).get(DEVICE_COOKIE)?.value;
  const result = await logIn({ ...parsed.data, address, userAgent, deviceCookie });
  if (result.status !== "ok") return { status: "error", message: result.message, email };
  await setSignInCookies({ token: result.token, expiresAt: result.expiresAt, email: parsed.data.email, deviceCookie: result.deviceCookie });
  redirect("/");
}

export async function logoutAction() {
  await endSession();
  redirect("/login");
}
