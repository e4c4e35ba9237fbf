/**
 * English words of what shows first: the card, the score step and the thank-you's announcement.
 * The rest (en-later.ts) travels with the later steps, so the first view does not carry it.
 */
export const enFirst = {
  surveyLabel: 'Feedback survey',
  announce: 'A one-question survey has opened: {question}',
  question: 'How likely are you to recommend {product} to a friend or colleague?',
  notLikely: 'Not at all likely',
  veryLikely: 'Extremely likely',
  next: 'Next',
  close: 'Close survey',
  thanks: 'Thank you!',
  detractorTitle: 'We’re sorry we fell short',
};
