import Checklist from './Checklist.astro';
import Figure from './Figure.astro';
import Hotline from './Hotline.astro';
import RedFlags from './RedFlags.astro';
import Script from './Script.astro';
import Steps from './Steps.astro';

/** The MDX vocabulary: every component an article may use, passed to `<Content components={mdx} />`. */
export const mdx = { Checklist, Figure, Hotline, RedFlags, Script, Steps };
