import Advice from './Advice.astro';
import AdviceList from './AdviceList.astro';
import Checklist from './Checklist.astro';
import Handout from './Handout.astro';
import Script from './Script.astro';
import Steps from './Steps.astro';
import TeacherNote from './TeacherNote.astro';

/** The MDX vocabulary of lessons: a class plan, its scenario, teacher notes (which may list a set of rules) and the printable handout. */
export const lessonMdx = { Advice, AdviceList, Checklist, Handout, Script, Steps, TeacherNote };
