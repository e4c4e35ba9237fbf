import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contrastRatio, parseComputedRgb, textOn } from '../../widget/theme/contrast.ts';

describe('accent text colour', () => {
  it('reads computed colours', () => {
    expect(parseComputedRgb('rgb(67, 56, 202)')).toEqual({ r: 67, g: 56, b: 202 });
    expect(parseComputedRgb('rgba(0, 0, 0, 0.5)')).toEqual({ r: 0, g: 0, b: 0 });
    expect(parseComputedRgb('color(srgb 1 0 0)')).toBeUndefined();
  });

  it('property: the chosen text colour reaches 4.5:1 on any accent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), (r, g, b) => {
        const text = parseComputedRgb(textOn({ r, g, b }) === '#ffffff' ? 'rgb(255,255,255)' : 'rgb(0,0,0)');
        if (!text) throw new Error('unreadable');
        expect(contrastRatio({ r, g, b }, text)).toBeGreaterThanOrEqual(4.5);
      }),
    );
  });
});
