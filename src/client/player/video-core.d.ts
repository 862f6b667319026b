/** video.js's core build has no type declarations of its own: it is the same `videojs`. */
declare module 'video.js/dist/alt/video.core.novtt.js' {
  import videojs from 'video.js';
  export default videojs;
}
