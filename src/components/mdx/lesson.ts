import Advice from './Advice.astro';
import Checklist from './Checklist.astro';
import Handout from './Handout.astro';
import Script from './Script.astro';
import Steps from './Steps.astro';
import TeacherNote from './TeacherNote.astro';

/** The MDX vocabulary of lessons: a class plan, its scenario, teacher notes and the printable handout. */
export const lessonMdx = { Advice, Checklist, Handout, Script, Steps, TeacherNote };
