import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Something a person with the developer tools open would see go wrong on a page. */
export interface PageProblem {
  kind: 'console error' | 'uncaught error' | 'CSP violation';
  text: string;
  /** The resource concerned, when the browser names one. */
  url?: string;
}

export interface WatchedPage {
  page: Page;
  /** Filled as the page runs: console errors, uncaught exceptions and Content-Security-Policy violations. */
  problems: PageProblem[];
}

export interface WatchedContext {
  context: BrowserContext;
  newPage(): Promise<WatchedPage>;
  /** Watches a page the application opened itself (a new tab), from now on. */
  adopt(page: Page): WatchedPage;
  close(): Promise<void>;
}

/** The Debian Chromium (never a downloaded one), headless, with a throwaway profile. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

interface ViolationReport {
  directive: string;
  blockedUrl: string;
}

declare global {
  interface Window {
    mtpE2eReportCspViolation?: (report: ViolationReport) => Promise<void>;
  }
}

/**
 * A fresh browser profile (no cookies, no storage) whose relative URLs resolve against `baseURL`,
 * and whose pages record what goes wrong on them.
 */
export async function newWatchedContext(browser: Browser, baseURL: string): Promise<WatchedContext> {
  const context = await browser.newContext({ baseURL });
  context.setDefaultTimeout(15_000);
  const problemsByPage = new WeakMap<Page, PageProblem[]>();

  // The page reports the violations its own CSP blocks; Playwright's hooks are not subject to that CSP.
  await context.exposeBinding('mtpE2eReportCspViolation', ({ page }: { page: Page }, report: ViolationReport) => {
    problemsByPage.get(page)?.push({ kind: 'CSP violation', text: `${report.directive} blocked ${report.blockedUrl}`, url: report.blockedUrl });
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      void window.mtpE2eReportCspViolation?.({ directive: event.effectiveDirective, blockedUrl: event.blockedURI });
    });
  });

  const watch = (page: Page): WatchedPage => {
    const problems: PageProblem[] = [];
    problemsByPage.set(page, problems);
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push({ kind: 'console error', text: message.text(), url: message.location().url || undefined });
    });
    page.on('pageerror', (error) => problems.push({ kind: 'uncaught error', text: error.message }));
    return { page, problems };
  };

  return {
    context,
    newPage: async () => watch(await context.newPage()),
    adopt: watch,
    close: () => context.close(),
  };
}
