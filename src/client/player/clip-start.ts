/**
 * The part of a clip page that runs on first view: it swaps the browser's own controls for the
 * play button over the poster, and loads video.js only when the reader presses it (issue #19).
 * Without JavaScript the element keeps its own controls; if video.js cannot load, it gets them back.
 */
export function offerPlay(box: HTMLElement): void {
  const video = box.querySelector<HTMLVideoElement>('video[data-fz-player]');
  const button = box.querySelector<HTMLButtonElement>('button[data-fz-play]');
  if (!video || !button) return;
  video.controls = false;
  button.hidden = false;
  button.addEventListener(
    'click',
    async () => {
      button.setAttribute('aria-busy', 'true');
      let player: typeof import('./clip-player');
      try {
        player = await import('./clip-player');
      } catch {
        button.remove();
        video.controls = true;
        video.focus();
        void video.play().catch(() => undefined);
        return;
      }
      button.remove();
      await player.startPlayer(video);
    },
    { once: true },
  );
}
