import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

type Catalogue = { [key: string]: string | Catalogue };

function sentences(catalogue: Catalogue): string[] {
  return Object.values(catalogue).flatMap((value) =>
    typeof value === 'string' ? [value] : sentences(value),
  );
}

/**
 * Every English sentence of the catalogue with no argument in it and at least two words: any of them on a
 * page in another language is a string that escaped translation.
 */
const en = JSON.parse(readFileSync(path.join(process.cwd(), 'messages/en.json'), 'utf8')) as Catalogue;

export const ENGLISH_SENTENCES = sentences(en)
  .filter((text) => !/[{<]/.test(text) && text.trim().split(/\s+/).length >= 2)
  .map((text) => text.trim());

/** The widget's pages in whatever language the browser asks for, addressed without English names. */
export class LocalizedPages {
  readonly card: Locator;
  readonly html: Locator;
  readonly switcher: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByTestId('loyalty-card');
    this.html = page.locator('html');
    this.switcher = page.getByTestId('language-switcher');
  }

  /** Signs in straight from the login route (its link is named in the page's language). */
  async signInAs(memberName: string, returnTo = '/') {
    await this.page.goto(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
    await this.page.getByRole('button', { name: new RegExp(memberName) }).click();
    await expect(this.card.getByTestId('balance')).toBeVisible();
  }

  async open(path: string) {
    await this.page.goto(path);
    await expect(this.card).toBeVisible();
    await this.page.waitForLoadState('networkidle');
  }

  async chooseLanguage(name: string) {
    await this.switcher.getByRole('button', { name }).click();
  }

  /** What a shopper reads or hears: the text (screen-reader-only text included), labels and the title. */
  async everythingSaid(): Promise<string> {
    return this.page.evaluate(() => {
      const labels = [...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label'));
      return [document.title, document.body.innerText, ...labels].join('\n');
    });
  }

  /** The tier progress bar and its fill, as laid out. */
  async tierProgressBoxes() {
    const bar = this.card.getByTestId('tier').getByRole('progressbar');
    const track = await bar.boundingBox();
    const fill = await bar.locator('div').first().boundingBox();
    if (!track || !fill) throw new Error('the tier progress bar is not laid out');
    return { track, fill };
  }
}
