// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../sdk/index.ts';
import { mountSurvey } from '../../widget/index.ts';
import { everythingConfig } from '../helpers/survey-fixtures.ts';

afterEach(() => {
  document.body.replaceChildren();
  localStorage.clear();
});

describe('mountSurvey', () => {
  it('renders inline into one open shadow root, styled only by constructed stylesheets', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const survey = mountSurvey(host, { ...everythingConfig, locale: 'he' });
    const shown: unknown[] = [];
    survey.on('shown', (event) => shown.push(event));
    await survey.ready;
    const shadow = host.shadowRoot;
    if (!shadow) throw new Error('no shadow root');
    expect(shadow.mode).toBe('open');
    expect(shadow.adoptedStyleSheets.length).toBeGreaterThanOrEqual(2);
    expect(shadow.querySelectorAll('style, [style]')).toHaveLength(0);
    expect(document.head.querySelectorAll('style')).toHaveLength(0);
    const root = shadow.querySelector('.root');
    expect(root?.getAttribute('dir')).toBe('rtl');
    expect(root?.getAttribute('lang')).toBe('he');
    expect(shadow.querySelectorAll('[role="radio"]')).toHaveLength(11);
    expect(shown).toEqual([{ surveyId: 'nps', trigger: 'inline' }]);
    survey.destroy();
    expect(shadow.childNodes).toHaveLength(0);
  });

  it('floats a card appended to the body when given no element, and removes it on close', async () => {
    const survey = mountSurvey(null, everythingConfig);
    await survey.ready;
    expect(document.body.querySelector('onepoint-survey')).not.toBeNull();
    const closed: unknown[] = [];
    survey.on('closed', (event) => closed.push(event));
    survey.close();
    expect(document.body.querySelector('onepoint-survey')).toBeNull();
    expect(closed).toEqual([{ completed: false }]);
  });

  it('throws a typed error naming the field for a bad configuration, rendering nothing', () => {
    const host = document.createElement('div');
    expect(() => mountSurvey(host, { ...everythingConfig, position: 'top-left' as never })).toThrow(InvalidInputError);
    expect(() => mountSurvey(host, { ...everythingConfig, position: 'top-left' as never })).toThrow(/position must be one of/);
    expect(host.shadowRoot).toBeNull();
  });

  it('renders configuration text as text, never as markup', async () => {
    const host = document.createElement('div');
    const survey = mountSurvey(host, { ...everythingConfig, product: '<img src=x onerror=alert(1)>' });
    await survey.ready;
    expect(host.shadowRoot?.querySelector('img')).toBeNull();
    expect(host.shadowRoot?.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
