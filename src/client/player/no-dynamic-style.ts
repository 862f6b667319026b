// video.js writes a <style> element unless told not to; the site's CSP allows no inline styles.
// This module is imported before video.js, so the flag is set when video.js first runs.
(window as unknown as { VIDEOJS_NO_DYNAMIC_STYLE: boolean }).VIDEOJS_NO_DYNAMIC_STYLE = true;
