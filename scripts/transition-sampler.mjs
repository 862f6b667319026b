// What the kiosk bench, the soak and the browser tests see of a clip transition, sampled every
// animation frame. One copy, so the three measure the same thing.

/**
 * One frame of a 25 fps clip. A video whose time stands still for no longer than this has not
 * frozen on screen: its picture would not have changed in that time anyway. A machine short of
 * CPU holds a playing video's clock for an animation frame or two; the tests allow that, and
 * nothing longer.
 */
export const STILL_LIMIT_MS = 40;

/**
 * Runs in the page, so it uses nothing from outside itself: pass it to `page.evaluate()` or
 * `page.addInitScript()`, or put its source in a script. It defines
 * `window.transitionSampler({ through, onGap })`, which makes a sampler whose `frame(now)` the
 * caller runs once per animation frame. `frame()` looks at the centre of the `.stage` (of the
 * viewport without one) and returns `{ top, video, moving, stillMs }`: the element on top there,
 * the video on top (`through: true` looks under controls laid over it), whether that video
 * shows a picture whose time moved since the last frame, and for how many milliseconds of
 * frames in a row nothing has moved on top. When the video on top changes source,
 * `onGap(at, ms)` is called 400 ms later with the milliseconds of frames from 600 ms before the
 * change to 400 ms after it in which nothing moved.
 */
export function defineTransitionSampler() {
  window.transitionSampler = ({ through = false, onGap = () => {} } = {}) => {
    /** Each video's time at the last frame. */
    const seen = new WeakMap();
    /** [time, ms] of recent frames in which nothing moved on top. */
    let still = [];
    const changes = [];
    let src = null;
    let last = performance.now();
    let stillMs = 0;
    return {
      frame(now) {
        const stage = document.querySelector('.stage')?.getBoundingClientRect();
        const x = stage ? stage.left + stage.width / 2 : innerWidth / 2;
        const y = stage ? stage.top + stage.height / 2 : innerHeight / 2;
        const top = document.elementFromPoint(x, y);
        const video = top instanceof HTMLVideoElement ? top : through ? (document.elementsFromPoint(x, y).find((el) => el instanceof HTMLVideoElement) ?? null) : null;
        const moving = !!video && !video.paused && !video.ended && video.readyState >= 2 && video.currentTime > (seen.get(video) ?? -1);
        for (const el of document.querySelectorAll('video')) seen.set(el, el.currentTime);
        if (!moving) still.push([now, now - last]);
        stillMs = moving ? 0 : stillMs + (now - last);
        still = still.filter(([t]) => now - t < 1500);
        if (video && video.currentSrc !== src) {
          if (src !== null) changes.push(now);
          src = video.currentSrc;
        }
        while (changes.length && now - changes[0] >= 400) {
          const at = changes.shift();
          onGap(at, still.filter(([t]) => t >= at - 600 && t <= at + 400).reduce((sum, [, ms]) => sum + ms, 0));
        }
        last = now;
        return { top, video, moving, stillMs };
      },
    };
  };
}
