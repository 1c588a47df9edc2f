import { randomUUID } from "node:crypto";
import { test as base, type APIRequestContext, type Page } from "@playwright/test";
import type { Db } from "../lib/db.ts";
import { hashPassword } from "../lib/auth/methods/password/hash.ts";
import { loginViaApi, loginViaForm, type DemoUser, type Mode } from "./fixtures.ts";
import { serverDatabase } from "./server-database.ts";

/**
 * Fixtures for tests that change a user (password, disabled flag, every session): the demo
 * users are shared by every spec running in parallel, so these tests get users of their own,
 * made in the server's database and deleted (with their sessions and refresh families) after.
 */

export interface TestUser extends DemoUser {
  id: string;
}

interface Fixtures {
  /** A fresh user only this test knows; its password is random. */
  makeUser: (role?: DemoUser["role"]) => Promise<TestUser>;
  /** A browser of its own (own cookie jar, optionally own user agent), logged in through the form. */
  loggedInPage: (mode: Mode, user: DemoUser, options?: { userAgent?: string }) => Promise<Page>;
  /** An API client of its own, logged in through the JSON API; its cookie jar holds the credential. */
  apiLogin: (mode: Mode, user: DemoUser, options?: { userAgent?: string }) => Promise<{ api: APIRequestContext } & Awaited<ReturnType<typeof loginViaApi>>>;
}

export type LoggedInPage = Fixtures["loggedInPage"];

interface WorkerFixtures {
  /**
   * The server's own database: playwright.config.ts creates it and hands its URL to the
   * webServer and, through the environment, to these workers.
   */
  db: Db;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  db: [
    async ({}, use) => {
      const db = await serverDatabase();
      await use(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],

  makeUser: async ({ db }, use) => {
    const made: string[] = [];
    await use(async (role = "user") => {
      const tag = randomUUID();
      const user = { email: `e2e-${tag}@example.test`, password: `pw-${randomUUID()}`, name: `Throwaway ${tag.slice(0, 8)}`, role };
      const { id } = await db.user.create({
        data: { email: user.email, name: user.name, role, password: { create: { hash: await hashPassword(user.password) } } },
        select: { id: true },
      });
      made.push(id);
      return { ...user, id };
    });
    // Sessions and refresh families go with the user (onDelete: Cascade).
    await db.user.deleteMany({ where: { id: { in: made } } });
  },

  loggedInPage: async ({ browser }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async (mode, user, options = {}) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      const page = await context.newPage();
      await loginViaForm(page, mode, user);
      return page;
    });
    for (const context of contexts) await context.close();
  },

  apiLogin: async ({ playwright, baseURL }, use) => {
    const clients: APIRequestContext[] = [];
    await use(async (mode, user, options = {}) => {
      const api = await playwright.request.newContext({ baseURL, ...options });
      clients.push(api);
      return { api, ...(await loginViaApi(api, mode, user)) };
    });
    for (const api of clients) await api.dispose();
  },
});
