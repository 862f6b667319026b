import Advice from './Advice.astro';
import AdviceList from './AdviceList.astro';
import Checklist from './Checklist.astro';
import Figure from './Figure.astro';
import Handout from './Handout.astro';
import Hotline from './Hotline.astro';
import RedFlags from './RedFlags.astro';
import ReportProblem from './ReportProblem.astro';
import Script from './Script.astro';
import Steps from './Steps.astro';
import TeacherNote from './TeacherNote.astro';

/** The MDX vocabulary: every component an article may use, passed to `<Content components={mdx} />`. */
export const mdx = { Advice, AdviceList, Checklist, Figure, Handout, Hotline, RedFlags, ReportProblem, Script, Steps, TeacherNote };
