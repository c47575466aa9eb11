import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sparticuz from '@sparticuz/chromium';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, onTestFailed, onTestFinished } from 'vitest';

/**
 * Chromium for the e2e specs: the binary shipped inside the @sparticuz/chromium npm package
 * (extracted to /tmp on first use), driven by playwright-core. No system browser, no download.
 */

export const screenshotDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

/**
 * sparticuz's flags are tuned for AWS Lambda. Three of them are dropped here:
 * --single-process makes a second browser context fail after the first one is closed ("Target
 * page, context or browser has been closed"), and --disable-web-security /
 * --allow-running-insecure-content would hide CORS, CSP and mixed-content problems the real
 * browsers of our users would hit.
 */
const droppedFlags = new Set(['--single-process', '--disable-web-security', '--allow-running-insecure-content']);

let browserPromise: Promise<Browser> | undefined;

export async function launchBrowser(): Promise<Browser> {
  const executablePath = await sparticuz.executablePath();
  return chromium.launch({
    executablePath,
    args: [...sparticuz.args.filter((a) => !droppedFlags.has(a)), '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    headless: true,
  });
}

/** One browser per spec file (each file runs in its own worker); close it in afterAll. */
export function getBrowser(): Promise<Browser> {
  browserPromise ??= launchBrowser();
  return browserPromise;
}

export async function closeBrowser(): Promise<void> {
  const b = browserPromise;
  browserPromise = undefined;
  if (b) await (await b).close();
}

export type AppPage = {
  page: Page;
  context: BrowserContext;
  baseUrl: string;
  /** Every request (and web socket) to a host other than the app's own host:port, as "METHOD url". */
  externalRequests: string[];
  /** console.error messages, minus the allowed ones (HTTP 4xx answers the app shows to the user). */
  consoleErrors: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** Throws when anything left the server, or the page logged errors / threw. */
  assertClean: () => void;
  /** assertClean, then close the context. Runs by itself at the end of the test if not called. */
  close: () => Promise<void>;
};

export type NewPageOptions = {
  /** console.error messages matching one of these are not counted. */
  allowConsoleErrors?: RegExp[];
};

/** Expected API answers (401 on the start-up /auth/me probe, 403/404/409/422 shown in the UI) are logged by Chromium as console errors. */
const defaultAllowedConsoleErrors = [
  /^Failed to load resource: the server responded with a status of 4\d\d\b/,
  // An external request the guard blocked: already reported as such.
  /^Failed to load resource: net::ERR_BLOCKED_BY_CLIENT/,
];

/**
 * A fresh, isolated browser context on the app (1366×768, zh-CN, Asia/Shanghai) with a guard that
 * records — and blocks — every request whose host is not the app's own host:port, proving that
 * nothing leaves the server (DESIGN.md: intranet, no CDN, no external fonts).
 */
export async function newPage(baseUrl: string, options: NewPageOptions = {}): Promise<AppPage> {
  const browser = await getBrowser();
  const own = new URL(baseUrl);
  const allowed = [...defaultAllowedConsoleErrors, ...(options.allowConsoleErrors ?? [])];
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    colorScheme: 'light',
    serviceWorkers: 'block',
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);

  const externalRequests: string[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];

  const isOwn = (raw: string): boolean => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return false;
    }
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:') return true;
    return ['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.host === own.host;
  };

  // Record every request from any page of the context, and stop external ones before they go out.
  context.on('request', (req) => {
    if (!isOwn(req.url())) externalRequests.push(`${req.method()} ${req.url()}`);
  });
  // A RegExp (not a predicate) so that Chromium only pauses the external requests, not every request.
  const ownHost = own.host.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const external = new RegExp(`^(?!(?:https?|wss?)://${ownHost}(?:[/?#]|$)|data:|blob:|about:)`, 'i');
  await context.route(external, (route) => route.abort('blockedbyclient'));
  const watch = (p: Page) => {
    p.on('websocket', (ws) => {
      if (!isOwn(ws.url())) externalRequests.push(`WEBSOCKET ${ws.url()}`);
    });
    p.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const text = msg.text();
      if (!allowed.some((re) => re.test(text))) consoleErrors.push(`${text} (${p.url()})`);
    });
    p.on('pageerror', (err) => pageErrors.push(`${err.name}: ${err.message} (${p.url()})`));
  };
  context.on('page', watch);

  const page = await context.newPage();

  const assertClean = () => {
    const problems = [
      ...externalRequests.map((r) => `request left the server: ${r}`),
      ...pageErrors.map((e) => `uncaught error in the page: ${e}`),
      ...consoleErrors.map((e) => `console error: ${e}`),
    ];
    if (problems.length) throw new Error(`browser guard:\n  ${problems.join('\n  ')}`);
  };

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    try {
      assertClean();
    } finally {
      await context.close().catch(() => undefined);
    }
  };

  try {
    onTestFinished(async (ctx) => {
      if (!closed && ctx.task.result?.state === 'fail') {
        const file = await screenshot(page, `failed-${ctx.task.name}`).catch(() => undefined);
        if (file) console.error(`[e2e] screenshot of the failure: ${path.relative(process.cwd(), file)}`);
      }
      await close();
    });
  } catch {
    // Called outside a test (e.g. beforeAll): the caller closes it.
  }

  return { page, context, baseUrl, externalRequests, consoleErrors, pageErrors, assertClean, close };
}

/** The first of a few ways to find an element, in order of preference (test id, then role/label). */
export function either(...locators: Locator[]): Locator {
  return locators.reduce((a, b) => a.or(b)).first();
}

/** Waits until the locator is visible and contains the text (retrying, like Playwright's expect). */
export async function waitForText(locator: Locator, text: string | RegExp, timeout = 15_000): Promise<void> {
  try {
    await locator.filter({ hasText: text }).first().waitFor({ state: 'visible', timeout });
  } catch (e) {
    const actual = await locator
      .first()
      .textContent({ timeout: 1_000 })
      .catch(() => '(element not found)');
    throw new Error(`expected ${String(locator)} to show ${String(text)}, it shows: ${JSON.stringify(actual)}\n${(e as Error).message}`);
  }
}

/** Signs in through the login page; throws with the page's message when the app refuses. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  const usernameField = either(page.getByTestId('login-username'), page.getByLabel('用户名'));
  const passwordField = either(page.getByTestId('login-password'), page.getByLabel('密码', { exact: true }));
  await usernameField.fill(username);
  await passwordField.fill(password);
  await either(page.getByTestId('login-submit'), page.getByRole('button', { name: /登\s*录/ })).click();

  const signedIn = page.getByTestId('current-user');
  const refused = either(page.getByTestId('login-error'), page.locator('.ant-alert-error'));
  await either(signedIn, refused).waitFor({ state: 'visible', timeout: 30_000 });
  if (await refused.isVisible()) throw new Error(`sign-in as ${username} was refused: ${(await refused.textContent())?.trim()}`);
}

/** Signs out with the header button and waits for the login page. */
export async function signOut(page: Page): Promise<void> {
  await either(page.getByTestId('logout-button'), page.getByRole('button', { name: /退\s*出/ })).click();
  await page.waitForURL((url) => url.pathname === '/login');
  await either(page.getByTestId('login-username'), page.getByLabel('用户名')).waitFor({ state: 'visible' });
}

/**
 * Saves e2e/screenshots/<name>.png once the network is quiet and the web fonts are in. The
 * viewport (what a user sees), not the full page: full-page captures of the fixed header/sider
 * layout draw the header in the middle of the picture.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  await fs.mkdir(screenshotDir, { recursive: true });
  // Park the mouse in the bottom-right corner so the last clicked spot shows no hover effect.
  const size = page.viewportSize();
  if (size) await page.mouse.move(size.width - 1, size.height - 1);
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const file = path.join(screenshotDir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false, animations: 'disabled', caret: 'hide' });
  return file;
}

/** Signs in once for a block of tests; the page is closed (after a last check) in afterAll. */
export function signedIn(baseUrl: string, username: string, password: () => string) {
  let app: AppPage | undefined;
  beforeAll(async () => {
    app = await newPage(baseUrl);
    await signIn(app.page, username, password());
  });
  afterAll(async () => {
    if (!app) return;
    try {
      await signOut(app.page);
    } finally {
      await app.close();
    }
  });
  /** The shared page; a failing test leaves a screenshot of it. */
  return (): AppPage => {
    if (!app) throw new Error(`${username} is not signed in`);
    const shared = app;
    onTestFailed(async ({ task }) => {
      await screenshot(shared.page, `failed-${task.name}`).catch(() => undefined);
    });
    return shared;
  };
}

/** The <input> of an antd field whose data-testid lands on the input itself or on a wrapper. */
export function inputOf(scope: Page | Locator, testId: string): Locator {
  return scope.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

/** An open antd Select / TreeSelect dropdown (rendered in a portal at the end of <body>). */
export const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:visible');
