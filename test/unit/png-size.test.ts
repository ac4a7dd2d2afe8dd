import { describe, expect, it } from 'vitest';
import { MAX_PNG_PIXELS, MAX_PNG_SIDE, pngFileName, pngSize } from '../../shared/domain/png-size';

describe('pngSize', () => {
  it('the whole map at 1×, 2× and 3× is the world size times the scale', () => {
    expect(pngSize({ w: 2260, h: 1180 }, 1, 1)).toEqual({ width: 2260, height: 1180, zoom: 1, scale: 1, reduced: false });
    expect(pngSize({ w: 2260, h: 1180 }, 1, 2)).toMatchObject({ width: 4520, height: 2360, zoom: 2, reduced: false });
    expect(pngSize({ w: 2260, h: 1180 }, 1, 3)).toMatchObject({ width: 6780, height: 3540, zoom: 3, reduced: false });
  });

  it('the view at 1× is the size of the canvas on screen, at 2× twice that', () => {
    // 1600×900 screen pixels at zoom 0.8 show 2000×1125 world pixels.
    expect(pngSize({ w: 2000, h: 1125 }, 0.8, 1)).toMatchObject({ width: 1600, height: 900, zoom: 0.8 });
    expect(pngSize({ w: 2000, h: 1125 }, 0.8, 2)).toMatchObject({ width: 3200, height: 1800, zoom: 1.6 });
  });

  it('a picture too large to draw is made at a smaller scale, and says so', () => {
    const wide = pngSize({ w: 12_000, h: 3000 }, 1, 3);
    expect(wide.reduced).toBe(true);
    expect(wide.width).toBeLessThanOrEqual(MAX_PNG_SIDE);
    expect(wide.scale).toBeLessThan(3);
    const big = pngSize({ w: 9000, h: 9000 }, 1, 2);
    expect(big.reduced).toBe(true);
    expect(big.width * big.height).toBeLessThanOrEqual(MAX_PNG_PIXELS);
    expect(pngSize({ w: 100, h: 100 }, 1, 3).reduced).toBe(false);
  });

  it('never makes an empty picture', () => {
    expect(pngSize({ w: 0, h: 0 }, 1, 1)).toMatchObject({ width: 1, height: 1 });
  });
});

describe('pngFileName', () => {
  it('names the project, the region and the scale, without characters a file system refuses', () => {
    expect(pngFileName('Bike rental: Q3/Q4', 'map', 2)).toBe('Bike rental Q3 Q4@2x.png');
    expect(pngFileName('Bikes', 'view', 1)).toBe('Bikes (view)@1x.png');
    expect(pngFileName('  ', 'map', 3)).toBe('Journey map@3x.png');
  });
});
