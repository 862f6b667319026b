/** Turns a clip's video element into a video.js player and starts it; loaded when the reader presses play. */
import './no-dynamic-style';
// The core build: no HLS or DASH streaming code, which an MP4 never needs, and no vtt.js: the
// browser's own caption tracks stay in use (nativeTextTracks below).
import videojs from 'video.js/dist/alt/video.core.novtt.js';
// As a file of its own, fetched on play: imported as CSS, it would be inlined into the page.
import stylesheet from 'video.js/dist/video-js.min.css?url';

/** Adds video.js's stylesheet to the page once, and waits until it applies. */
function loadStylesheet(): Promise<void> {
  if (document.querySelector(`link[href="${stylesheet}"]`)) return Promise.resolve();
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: stylesheet });
  const loaded = new Promise<void>((resolve) => {
    link.addEventListener('load', () => resolve(), { once: true });
    // Without its stylesheet the player still plays, with the browser's look.
    link.addEventListener('error', () => resolve(), { once: true });
  });
  document.head.append(link);
  return loaded;
}

export async function startPlayer(video: HTMLVideoElement): Promise<void> {
  await loadStylesheet();
  video.controls = true;
  // Size comes from the vjs-fluid and vjs-16-9 classes in the markup: with no dynamic style
  // element, the fluid and aspectRatio options would leave the player with no height.
  const player = videojs(video, {
    playbackRates: [0.75, 1, 1.25],
    // Chromium's own caption tracks stay in use, so the track the page marks as default shows.
    html5: { nativeTextTracks: true },
  });
  await new Promise<void>((resolve) => player.ready(() => resolve()));
  // The media element's own play(), not player.play(): video.js queues a play until the element
  // has picked its source and waits for its loadstart, which with preload="none" may never come,
  // so about one press in ten left the clip paused here. The element is the player's own (on iOS
  // video.js plays a copy of the original). A browser that refuses to play leaves video.js's own
  // play button showing.
  const media = player.el().querySelector('video') ?? video;
  const playing = await media.play().then(() => true, () => false);
  // The button pressed is gone: focus goes to the control that now pauses (shown once playing
  // starts), or to video.js's play button, where a keyboard reader expects it.
  const control = playing ? player.getChild('ControlBar')?.getChild('PlayToggle') : player.getChild('BigPlayButton');
  (control?.el() as HTMLElement | undefined)?.focus();
}
