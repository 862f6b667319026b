import Advice from './Advice.astro';
import AdviceList from './AdviceList.astro';
import Checklist from './Checklist.astro';
import Figure from './Figure.astro';
import Hotline from './Hotline.astro';
import RedFlags from './RedFlags.astro';
import Script from './Script.astro';
import Steps from './Steps.astro';

/**
 * The MDX vocabulary of articles, guides and news: `<Content components={mdx} />`. Lessons and
 * statements have their own in lesson.ts and statement.ts. A page carries, inline, the CSS of
 * every component its map's file imports (issue #19), so each map holds only what its kind of
 * page uses; a component missing from a page's map stops the build, naming it.
 */
export const mdx = { Advice, AdviceList, Checklist, Figure, Hotline, RedFlags, Script, Steps };
