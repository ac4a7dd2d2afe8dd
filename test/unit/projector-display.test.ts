import { describe, expect, it } from 'vitest';
import { chooseProjectorDisplay, isProjectorUrl, projectorOpener, projectorPlacement, type DisplayInfo } from '../../main/electron/projector';

const laptop: DisplayInfo = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 } };
const projector: DisplayInfo = { id: 2, bounds: { x: 1440, y: 0, width: 1920, height: 1080 } };
const small: DisplayInfo = { id: 3, bounds: { x: -1024, y: 0, width: 1024, height: 768 } };

describe('the projector window', () => {
  it('goes on the largest display that is not the facilitator’s, full screen', () => {
    expect(chooseProjectorDisplay([laptop, small, projector], 1)).toBe(projector);
    expect(chooseProjectorDisplay([laptop, small, projector], 2)).toBe(laptop);
    expect(projectorPlacement([laptop, projector], 1)).toEqual({ bounds: projector.bounds, fullscreen: true });
  });

  it('with one display, opens as an ordinary window', () => {
    expect(chooseProjectorDisplay([laptop], 1)).toBeNull();
    expect(projectorPlacement([laptop], 1)).toEqual({ bounds: null, fullscreen: false });
  });

  it('is only the app’s own projector address', () => {
    const app = 'app://journeywall';
    expect(isProjectorUrl('app://journeywall/index.html?view=projector#/project/x', app)).toBe(true);
    expect(isProjectorUrl('app://journeywall/index.html#/project/x', app)).toBe(false);
    expect(isProjectorUrl('https://example.com/?view=projector', app)).toBe(false);
    expect(isProjectorUrl('not a url', app)).toBe(false);
  });

  it('keeps one window: asking again shows the new address in it', () => {
    const made: { url: string; destroyed: boolean; focused: number }[] = [];
    const open = projectorOpener((url) => {
      const w = { url, destroyed: false, focused: 0, isDestroyed: () => w.destroyed, loadURL: async (u: string) => void (w.url = u), focus: () => void w.focused++ };
      made.push(w);
      return w;
    });
    open('a', [laptop, projector], 1);
    open('b', [laptop, projector], 1);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ url: 'b', focused: 1 });
    made[0]!.destroyed = true;
    open('c', [laptop], 1);
    expect(made).toHaveLength(2);
  });
});
