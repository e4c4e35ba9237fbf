import { isOrigin, MAX_SITE_ORIGINS } from '../../sdk/index.ts';

/** A line of the origins box that cannot be an origin, and what it most likely should be. */
export interface OriginProblem {
  line: number;
  value: string;
  /** `https://shop.example` for `https://shop.example/shop`: the origin the line starts with, when it has one. */
  suggestion: string | undefined;
}

/**
 * The origins typed one per line (blank lines and surrounding spaces ignored, repeats dropped),
 * and the lines that are not origins. The collector checks the same rule (the SDK's `isOrigin`);
 * saying it per line here names the line to fix before anything is sent.
 * @example parseOrigins('https://a.example\n\nhttps://b.example/') // { origins: ['https://a.example'], problems: [{ line: 3, … }] }
 */
export function parseOrigins(text: string): { origins: string[]; problems: OriginProblem[]; tooMany: boolean } {
  const origins: string[] = [];
  const problems: OriginProblem[] = [];
  text.split('\n').forEach((raw, index) => {
    const value = raw.trim();
    if (value === '') return;
    if (isOrigin(value)) {
      if (!origins.includes(value)) origins.push(value);
      return;
    }
    problems.push({ line: index + 1, value, suggestion: originOf(value) });
  });
  return { origins, problems, tooMany: origins.length > MAX_SITE_ORIGINS };
}

/** The origins as the box shows them: one per line. */
export const originsText = (origins: readonly string[]) => origins.join('\n');

function originOf(value: string): string | undefined {
  try {
    const { origin } = new URL(value);
    return isOrigin(origin) ? origin : undefined;
  } catch {
    return undefined;
  }
}
