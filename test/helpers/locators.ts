import type { Locator, Page } from '@playwright/test';

/** The survey's card (role=dialog inside the shadow root; Playwright's locators pierce open shadow roots). */
export const survey = (page: Page): Locator => page.getByRole('dialog', { name: 'Feedback survey' });

/** One score of the 0–10 radio group (0 and 10 carry their end labels). */
export const scoreButton = (page: Page, score: number): Locator => survey(page).getByRole('radio', { name: new RegExp(`^${score}(,|$)`) });
