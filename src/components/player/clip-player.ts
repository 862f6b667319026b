/** Turns each clip's video element into a video.js player; the element itself keeps working without it. */
import './no-dynamic-style';
import videojs from 'video.js';
import 'video.js/dist/video-js.css';

for (const el of document.querySelectorAll<HTMLVideoElement>('video[data-fz-player]')) {
  // Size comes from the vjs-fluid and vjs-16-9 classes in the markup: with no dynamic style
  // element, the fluid and aspectRatio options would leave the player with no height.
  videojs(el, {
    playbackRates: [0.75, 1, 1.25],
    // Chromium's own caption tracks stay in use, so the track the page marks as default shows.
    html5: { nativeTextTracks: true },
  });
}
