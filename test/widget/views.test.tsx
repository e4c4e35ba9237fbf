// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from 'vitest';

import { renderSurvey } from '../helpers/render-survey.tsx';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const radios = () => screen.getAllByRole('radio');
const click = (element: Element) => fireEvent.click(element, { detail: 1 });

async function answer(score: number, options: Parameters<typeof renderSurvey>[0] = {}) {
  const view = await renderSurvey(options);
  click(radios()[score] as HTMLElement);
  await screen.findByRole('button', { name: 'Skip' });
  fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
  await screen.findByRole('heading', { level: 2 });
  return view;
}

describe('score step', () => {
  it('asks the question about the product as a labelled radio group of 0–10 with end labels', async () => {
    await renderSurvey();
    const group = screen.getByRole('radiogroup', { name: 'How likely are you to recommend Acme to a friend or colleague?' });
    expect(within(group).getAllByRole('radio').map((radio) => radio.textContent)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(screen.getByRole('radio', { name: '0, Not at all likely' })).toBeDefined();
    expect(screen.getByRole('radio', { name: '10, Extremely likely' })).toBeDefined();
    expect(screen.getByRole('dialog', { name: 'Feedback survey' })).toBeDefined();
  });

  it('a click picks the score and goes straight on', async () => {
    const { model, delivered } = await renderSurvey();
    click(radios()[8] as HTMLElement);
    expect(model.step.value).toBe('follow-up');
    expect(delivered[0]).toMatchObject({ score: 8, status: 'partial' });
    expect(await screen.findByLabelText('What would move you one point higher?')).toBeDefined();
  });

  it.each([
    [3, 'What went wrong with Acme?'],
    [7, 'What would make Acme a 9?'],
    [9, 'What do you love about Acme?'],
    [10, 'What do you value most about Acme?'],
  ])('a %i is asked its segment’s follow-up question (a 10 what they value most)', async (score, question) => {
    await renderSurvey({ config: { followUpQuestions: { detractor: 'What went wrong with {product}?', passive: 'What would make {product} a 9?', promoter: 'What do you love about {product}?' } } });
    click(radios()[score] as HTMLElement);
    expect(await screen.findByLabelText(question)).toBeDefined();
  });

  it('keyboard: one tab stop; arrows move and check (wrapping), Home/End jump, and only Enter confirms', async () => {
    const { model } = await renderSurvey();
    expect(radios().filter((radio) => radio.tabIndex === 0)).toHaveLength(1);
    const first = radios()[0] as HTMLElement;
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    fireEvent.keyDown(radios()[1] as HTMLElement, { key: 'ArrowRight' });
    expect(radios()[2]?.getAttribute('aria-checked')).toBe('true');
    expect(document.activeElement).toBe(radios()[2]);
    expect(radios()[2]?.tabIndex).toBe(0);
    expect(model.step.value).toBe('score');
    fireEvent.keyDown(radios()[2] as HTMLElement, { key: 'End' });
    expect(radios()[10]?.getAttribute('aria-checked')).toBe('true');
    fireEvent.keyDown(radios()[10] as HTMLElement, { key: 'ArrowRight' });
    expect(radios()[0]?.getAttribute('aria-checked')).toBe('true');
    fireEvent.keyDown(radios()[0] as HTMLElement, { key: 'ArrowUp' });
    expect(radios()[10]?.getAttribute('aria-checked')).toBe('true');
    fireEvent.keyDown(radios()[10] as HTMLElement, { key: 'Home' });
    expect(model.step.value).toBe('score');
    expect(screen.getByRole('button', { name: 'Next' })).toBeDefined();
    fireEvent.keyDown(radios()[0] as HTMLElement, { key: 'Enter' });
    expect(model.score.value).toBe(0);
    expect(model.step.value).toBe('follow-up');
  });

  it('the visible Next button confirms a keyboard choice', async () => {
    const { model } = await renderSurvey();
    fireEvent.keyDown(radios()[0] as HTMLElement, { key: 'End' });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(model.score.value).toBe(10);
  });

  it('right-to-left: ArrowLeft moves to the next score', async () => {
    await renderSurvey({ locale: 'ar' });
    fireEvent.keyDown(radios()[0] as HTMLElement, { key: 'ArrowLeft' });
    expect(radios()[1]?.getAttribute('aria-checked')).toBe('true');
    expect(screen.getByRole('radiogroup').textContent).toContain('10');
    expect(screen.getByText('غير محتمل إطلاقًا')).toBeDefined();
  });

  it('announces an automatic open through a polite status region and does not take focus', async () => {
    await renderSurvey();
    expect(screen.getByRole('status').textContent).toContain('A one-question survey has opened');
    expect(document.activeElement).toBe(document.body);
  });

  it('moves focus to the scale when opened by a user action', async () => {
    await renderSurvey({ focusOnOpen: true });
    expect(document.activeElement).toBe(radios()[0]);
  });

  it('Esc and the close button dismiss', async () => {
    const first = await renderSurvey();
    fireEvent.keyDown(radios()[4] as HTMLElement, { key: 'Escape' });
    expect(first.model.step.value).toBe('dismissed');
    expect(screen.queryByRole('dialog')).toBeNull();
    cleanup();
    const second = await renderSurvey();
    fireEvent.click(screen.getByRole('button', { name: 'Close survey' }));
    expect(second.changes.map((change) => change.type)).toEqual(['dismissed', 'closed']);
  });
});

describe('follow-up step', () => {
  it('asks a 10 what they value most instead', async () => {
    const view = await renderSurvey();
    click(radios()[10] as HTMLElement);
    expect(await screen.findByLabelText('What do you value most about Acme?')).toBeDefined();
    expect(view.model.step.value).toBe('follow-up');
  });

  it('counts the limit in characters, shows driver chips, and sends the comment', async () => {
    const { delivered } = await renderSurvey({ config: { commentMaxLength: 10 } });
    click(radios()[6] as HTMLElement);
    const box = await screen.findByRole('textbox');
    fireEvent.input(box, { target: { value: 'slow 🐢' } });
    expect(screen.getByText('4 characters left')).toBeDefined();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Responsiveness' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(delivered.at(-1)).toMatchObject({ seq: 2, status: 'complete', comment: 'slow 🐢', drivers: ['Responsiveness'] });
  });
});

describe('thank-you by segment', () => {
  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8])('score %i: no referral, review or testimonial content, whatever the configuration', async (score) => {
    const { container } = await answer(score);
    const html = container.innerHTML;
    for (const forbidden of ['ACME-42', 'acme.example/invite', 'reviews.example', 'Copy', 'Share', 'Invite a friend', 'Write a review', 'referral']) {
      expect(html).not.toContain(forbidden);
    }
  });

  it.each([9, 10])('score %i (promoter): referral code with Copy → "Copied", referral link, review link', async (score) => {
    const copied: string[] = [];
    await answer(score, { platform: { copyText: async (text) => void copied.push(text) } });
    expect(screen.getByText('ACME-42')).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await screen.findByRole('button', { name: 'Copied' });
    expect(copied).toEqual(['ACME-42']);
    expect(screen.getByRole('link', { name: 'Invite a friend' }).getAttribute('href')).toBe('https://acme.example/invite');
    expect(screen.getByRole('link', { name: 'Write a review' }).getAttribute('href')).toBe('https://reviews.example/acme');
  });

  it('promoter: Web Share where the browser has it', async () => {
    const shared: unknown[] = [];
    await answer(9, { platform: { share: async (data) => void shared.push(data) } });
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    expect(shared).toEqual([expect.objectContaining({ url: 'https://acme.example/invite' })]);
  });

  it('passive: one open question with its own Send', async () => {
    const { delivered } = await answer(7);
    const box = screen.getByLabelText('What do you value most — or what almost made you look elsewhere?');
    fireEvent.input(box, { target: { value: 'The price' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Got it — thank you for telling us.')).toBeDefined();
    expect(delivered.at(-1)).toMatchObject({ followUp: 'The price', status: 'complete', seq: 3 });
  });

  it('detractor, anonymous: apology, consent asks for an email, support link', async () => {
    const { delivered } = await answer(2);
    expect(screen.getByRole('heading', { name: 'We’re sorry we fell short' })).toBeDefined();
    expect(screen.getByText('Your feedback goes straight to the team.')).toBeDefined();
    expect(screen.getByRole('link', { name: 'Get help now' }).getAttribute('href')).toBe('https://acme.example/help');
    fireEvent.click(screen.getByRole('checkbox', { name: 'You may contact me about my feedback' }));
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'sam@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(delivered.at(-1)).toMatchObject({ contactConsent: true, contactEmail: 'sam@example.com' });
    expect(await screen.findByText('Thank you — someone from the team will be in touch.')).toBeDefined();
  });

  it('detractor, identified: the email is pre-filled', async () => {
    await answer(4, { identity: { userId: 'u-9', email: 'ada@example.com' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'You may contact me about my feedback' }));
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('ada@example.com');
  });

  it('announces the thank-you through role=status', async () => {
    await answer(9);
    expect(screen.getByRole('status').textContent).toBe('Thank you!');
  });

  it('closes by itself after closeAfter seconds, but not while focus is inside', async () => {
    const open = await answer(9, { config: { closeAfter: 1 } });
    await waitFor(() => expect(open.model.step.value).toBe('closed'), { timeout: 2000 });
    cleanup();
    const focused = await answer(9, { config: { closeAfter: 1 } });
    screen.getByRole('button', { name: 'Copy' }).focus();
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(focused.model.step.value).toBe('thank-you');
  });
});
