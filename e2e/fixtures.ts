import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, test as base, expect, type Locator, type Page, type Request } from '@playwright/test';

export { expect };

export const SPACE_API = '/api/v1/spaces/default';

/** The contact-center preset of SPEC §2, as a settings document: left-out fields take their defaults. */
export const CONTACT_CENTER_SETTINGS = {
  defaultCountry: 'US',
  identifiers: [
    { key: 'user_id', kind: 'default', priority: 1, limit: { count: 1, window: 'ever' }, normalization: 'trim' },
    { key: 'email', kind: 'default', priority: 2, limit: { count: 5, window: 'ever' }, normalization: 'email' },
    {
      key: 'phone',
      kind: 'custom',
      priority: 3,
      limit: { count: 5, window: 'ever' },
      normalization: 'phone',
      sourceKeys: ['phone'],
    },
    { key: 'anonymous_id', kind: 'default', priority: 4, limit: { count: 5, window: 'weekly' }, normalization: 'trim' },
  ],
  mappings: { phone: 'phone' as string | null, email: 'email' as string | null },
};

/** The longest identifier key (64 characters, no space to break at): layouts must cut or wrap it. */
export const LONG_KEY = 'a'.repeat(64);
/** The longest display name (50 characters), with no space to break at either. */
export const LONG_NAME = 'Anonymous_visitor_identifier_for_web_and_mobile_ab';

/** A second client of the API: what another admin or an integration does meanwhile. */
export class SettingsApi {
  constructor(private readonly request: APIRequestContext) {}

  /** Puts the space back to the contact-center preset (display names = keys), with optional mappings. */
  async reset(mappings: { phone: string | null; email: string | null } = CONTACT_CENTER_SETTINGS.mappings) {
    const response = await this.request.put(`${SPACE_API}/settings`, {
      data: { ...CONTACT_CENTER_SETTINGS, mappings },
    });
    expect(response.status(), await response.text()).toBe(200);
  }

  /** The `empty` preset: no identifiers, no mappings. */
  async resetToEmpty() {
    const response = await this.request.put(`${SPACE_API}/settings`, {
      data: { defaultCountry: 'US', identifiers: [], mappings: { phone: null, email: null } },
    });
    expect(response.status(), await response.text()).toBe(200);
  }

  /** Adds a custom identifier with the longest possible key (its display name defaults to it) to a space. */
  async addLongIdentifier(spaceApi = SPACE_API) {
    const response = await this.request.post(`${spaceApi}/identifiers`, {
      data: { key: LONG_KEY, sourceKeys: [LONG_KEY] },
    });
    expect(response.status(), await response.text()).toBe(201);
  }

  async setDisplayName(key: string, displayName: string | null) {
    const response = await this.request.patch(`${SPACE_API}/identifiers/${key}`, { data: { displayName } });
    expect(response.status(), await response.text()).toBe(200);
  }

  async setMappings(mappings: { phone: string | null; email: string | null }) {
    const response = await this.request.put(`${SPACE_API}/address-type-mappings`, { data: mappings });
    expect(response.status(), await response.text()).toBe(200);
  }

  async displayName(key: string): Promise<string> {
    const response = await this.request.get(`${SPACE_API}/identifiers`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { identifiers: Array<{ key: string; displayName: string }> };
    const identifier = body.identifiers.find((candidate) => candidate.key === key);
    if (!identifier) throw new Error(`No identifier ${key}`);
    return identifier.displayName;
  }

  async mappings(): Promise<{ phone: string | null; email: string | null }> {
    const response = await this.request.get(`${SPACE_API}/address-type-mappings`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { mappings: { phone: string | null; email: string | null } }).mappings;
  }
}

/** Collects what must never happen in the browser: console errors, page errors, failed requests. */
export interface BrowserProblems {
  /** HTTP error statuses this test provokes on purpose (e.g. 400, 412); others still fail it. */
  allowHttpStatus(...statuses: number[]): void;
  /**
   * Requests to these URLs fail on purpose (the test aborts them): their failure, the browser's
   * console error about it and the error React reports for it are expected.
   */
  allowFailedRequests(url: RegExp): void;
}

interface Fixtures {
  api: SettingsApi;
  browserProblems: BrowserProblems;
}

export const test = base.extend<Fixtures>({
  api: [
    async ({ request }, use) => {
      const api = new SettingsApi(request);
      // Each journey starts from the preset, so the order of tests does not matter.
      await api.reset();
      await use(api);
    },
    { auto: true },
  ],
  browserProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      const allowed = new Set<number>();
      const failingUrls: RegExp[] = [];
      const failsOnPurpose = (text: string) => failingUrls.some((url) => url.test(text));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = message.text();
        if (failsOnPurpose(text) || failsOnPurpose(message.location().url)) return;
        // Chromium logs every HTTP error answer of fetch() as a console error; allowed statuses are expected.
        const status = /the server responded with a status of (\d{3})/.exec(text)?.[1];
        if (status && allowed.has(Number(status))) return;
        problems.push(`console.error: ${text}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      // A page load (page.goto, a reload) aborts what the page before it was still fetching; on a
      // busy machine a page may still be loading when the test moves on. Nobody waits for those.
      let documentLoads = 0;
      const loadOfRequest = new WeakMap<Request, number>();
      page.on('request', (request) => {
        if (request.isNavigationRequest() && request.frame() === page.mainFrame()) documentLoads++;
        else loadOfRequest.set(request, documentLoads);
      });
      page.on('requestfailed', (request) => {
        if (failsOnPurpose(request.url())) return;
        const abandoned = (loadOfRequest.get(request) ?? documentLoads) < documentLoads;
        if (abandoned && request.failure()?.errorText === 'net::ERR_ABORTED') return;
        problems.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400 && !allowed.has(response.status())) {
          problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
        }
      });
      await use({
        allowHttpStatus: (...statuses) => {
          for (const status of statuses) allowed.add(status);
        },
        allowFailedRequests: (url) => {
          failingUrls.push(url);
        },
      });
      expect(problems, 'problems in the browser').toEqual([]);
    },
    { auto: true },
  ],
});

/** Opens Unified Profiles › Manage › Identifiers and waits for the identifiers to load. */
export async function openIdentifiersTab(page: Page) {
  await page.goto('/');
  await expect(page).toHaveURL(/\/unified-profiles\/manage\/identifiers$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Manage' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Identifiers', selected: true })).toBeVisible();
  await expect(identifierRow(page, 'user_id')).toBeVisible();
  await expect(page.getByLabel('Phone number')).toBeVisible();
}

/** The table row of one identifier (on a phone, its list item), found through its Edit action. */
export function identifierRow(page: Page, key: string): Locator {
  return page
    .getByRole('row')
    .or(page.getByRole('listitem'))
    .filter({ has: page.getByRole('button', { name: `Edit identifier ${key}`, exact: true }) });
}

/** The Display name cell of one identifier's row. */
export function displayNameCell(page: Page, key: string): Locator {
  return identifierRow(page, key).getByRole('cell').nth(2);
}

export async function openEditModal(page: Page, key: string) {
  await page.getByRole('button', { name: `Edit identifier ${key}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit identifier' });
  await expect(dialog).toBeVisible();
  const input = dialog.getByRole('textbox', { name: /Display name/ });
  await expect(input).toBeFocused();
  return { dialog, input };
}

/**
 * Holds the page's answers to `method` requests on `url` until the returned function is called:
 * each request reaches the server at once, the page only sees the answer later. For what an admin
 * does while a save is on its way.
 */
export async function holdAnswers(page: Page, url: string, method = 'PUT'): Promise<() => void> {
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => {
    answer = resolve;
  });
  await page.route(url, async (route) => {
    if (route.request().method() !== method) return route.fallback();
    const response = await route.fetch();
    await answered;
    await route.fulfill({ response });
  });
  return answer;
}

// In the page (page.evaluate sends a function's source, so these refer to nothing outside them).
type CountingWindow = Window & { idrTransitionsCounted?: number };

/** Starts counting the CSS transitions that start from now on (listening once per page). */
function countTransitionsFromNow(): void {
  const counting = window as CountingWindow;
  if (counting.idrTransitionsCounted === undefined) {
    document.addEventListener('transitionrun', () => {
      counting.idrTransitionsCounted = (counting.idrTransitionsCounted ?? 0) + 1;
    });
  }
  counting.idrTransitionsCounted = 0;
}

/** No CSS transition running, and (`sinceCounting`) none started since `countTransitionsFromNow`. */
function stillPage(sinceCounting: boolean): boolean {
  const running = document
    .getAnimations()
    .some((animation) => animation instanceof CSSTransition && animation.playState === 'running');
  return !running && !(sinceCounting && ((window as CountingWindow).idrTransitionsCounted ?? 0) > 0);
}

/**
 * An axe scan of a page that held still throughout it: CSS transitions are finite (unlike a
 * skeleton's endless shimmer), so it waits for the running ones to end, and scans again when one
 * started during the scan (data arriving meanwhile), at most five times.
 */
async function scanWhileStill(page: Page) {
  for (let scan = 1; scan <= 5; scan++) {
    await page.waitForFunction(stillPage, false);
    await page.evaluate(countTransitionsFromNow);
    // WCAG 2.2 AA as well (target size, focus not obscured), which axe leaves out unless asked.
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    if (await page.evaluate(stillPage, true)) return results;
  }
  throw new Error('axe: the page was still fading colours after five scans');
}

/** Fails with the list of axe violations (rule, impact, elements) when there are any. */
export async function expectNoAxeViolations(page: Page) {
  // Paste fades dialogs in with JavaScript-driven opacity; axe's colour-contrast check on a
  // half-transparent dialog reports colours nobody sees. Wait until open dialogs are fully opaque.
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('[role="dialog"], [role="alertdialog"]')).every((dialog) => {
      for (let node: Element | null = dialog; node; node = node.parentElement) {
        if (getComputedStyle(node).opacity !== '1') return false;
      }
      return true;
    }),
  );
  // Likewise CSS transitions: a top-bar button turning enabled as the spaces load fades its colours
  // for 100 ms, and a contrast check in the middle of that measures colours that exist only then.
  // The data may also arrive during the scan itself (a scan takes a few hundred ms; at an address
  // naming no space, the current space's Rename button turns enabled during most first scans): a
  // scan the page faded under reads colours the admin never sees, so it is taken again once still.
  const results = await scanWhileStill(page);
  const violations = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
  expect(violations, 'axe violations').toEqual([]);
}

/**
 * Saves a screenshot of the whole page to <output dir>/screenshots/<name>.png (test-results/ unless
 * `--output` says otherwise, so that a run outside the checkout leaves nothing in it). The viewport
 * grows to the page's height first: a full-page capture would cut the fixed sidebar at the old
 * viewport height.
 */
export async function saveScreenshot(page: Page, name: string, { viewportOnly = false } = {}) {
  const SCREENSHOT_DIR = join(test.info().project.outputDir, 'screenshots');
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // A page of hundreds of rows is judged by what is in view: its full height would not be legible.
  if (viewportOnly) {
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' });
    return;
  }
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' });
  await page.setViewportSize(viewport);
}

/** How far the page itself scrolls sideways: 0 when everything fits the viewport's width. */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Fails unless the element lies across the viewport's width, from its left edge to its right one. */
export async function expectWithinViewportWidth(page: Page, locator: Locator) {
  const box = await locator.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box, 'bounding box').not.toBeNull();
  if (!box) return;
  expect(box.x, 'left edge').toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `right edge within ${width}px`).toBeLessThanOrEqual(width);
}

/** Fails when an element's text runs out of it (an unbroken word wider than its box). */
export async function expectNoOverflowingText(locator: Locator) {
  const overflow = await locator.evaluate((element) => element.scrollWidth - element.clientWidth);
  expect(overflow, 'text running out of its box').toBeLessThanOrEqual(0);
}
