import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { planMinutes } from '../../../src/lib/lesson-plan';
import { AGE_BANDS, AUDIENCE_SLUGS } from '../../../src/lib/taxonomy';
import { readArticles, ROOT } from '../helpers';

const zh = readArticles('lessons');
const en = readArticles('lessons', true);
const clipIds = readdirSync(join(ROOT, 'content/clips')).map((f) => f.replace(/\.yaml$/, ''));

describe('lessons', () => {
  test('there is a lesson for every age band, in both languages', () => {
    expect(AGE_BANDS.filter((band) => !zh.some((l) => l.data.ageBand === band))).toEqual([]);
    expect(en.map((l) => l.slug)).toEqual(zh.map((l) => l.slug));
  });

  for (const lesson of [...zh, ...en]) {
    const name = lesson.path.replace(`${ROOT}/`, '');
    test(`${name}: the class plan's steps add up to its ${lesson.data.durationMinutes} minutes`, () => {
      const steps = planMinutes(lesson.body);
      expect(steps.length).toBeGreaterThanOrEqual(4);
      expect(steps.reduce((sum, s) => sum + s.minutes, 0)).toBe(lesson.data.durationMinutes);
    });

    test(`${name}: has a scenario, discussion with teacher notes, a take-home task and a handout`, () => {
      const sections = [...lesson.body.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
      expect(sections).toHaveLength(4);
      expect(lesson.body).toMatch(/<Script[\s\S]+flag:/);
      expect((lesson.body.match(/<TeacherNote>/g) ?? []).length).toBeGreaterThanOrEqual(3);
      expect((lesson.body.match(/<Handout>/g) ?? []).length).toBe(1);
      expect(lesson.body.trim().endsWith('</Handout>')).toBe(true);
    });

    test(`${name}: shows clips that exist`, () => {
      const clips = lesson.data.clips as string[];
      expect(clips.length).toBeGreaterThanOrEqual(1);
      expect(clips.filter((c) => !clipIds.includes(c))).toEqual([]);
    });
  }

  test('an English lesson keeps the Chinese one’s band, length, clips and links', () => {
    for (const lesson of zh) {
      const twin = en.find((l) => l.slug === lesson.slug)!;
      for (const field of ['key', 'ageBand', 'durationMinutes', 'clips', 'scams', 'audiences']) {
        expect(twin.data[field], `${lesson.slug}: ${field}`).toEqual(lesson.data[field]);
      }
      expect(planMinutes(twin.body).map((s) => s.minutes)).toEqual(planMinutes(lesson.body).map((s) => s.minutes));
    }
  });
});

describe('planMinutes', () => {
  test('reads the minutes of ### steps under the first ## heading only', () => {
    const body = '## 课堂流程\n\n### 导入（5 分钟）\n\ntext\n\n### Play the clip (10 min)\n\n## 讨论题\n\n### 不是步骤（3 分钟）\n';
    expect(planMinutes(body)).toEqual([
      { step: '导入', minutes: 5 },
      { step: 'Play the clip', minutes: 10 },
    ]);
  });
});

describe('quizzes', () => {
  const dir = join(ROOT, 'content/quizzes');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

  test('every audience has a quiz', () => {
    expect(files.map((f) => f.replace(/\.yaml$/, '')).sort()).toEqual([...AUDIENCE_SLUGS].sort());
  });

  for (const file of files) {
    test(`content/quizzes/${file}: every question has exactly one right answer and an explanation or a rule for each choice`, () => {
      const quiz = parse(readFileSync(join(dir, file), 'utf8')) as {
        questions: { choices: { correct: boolean; explain?: { zh: string; en: string }; advice?: string[] }[] }[];
      };
      expect(quiz.questions.length).toBeGreaterThanOrEqual(4);
      for (const q of quiz.questions) {
        expect(q.choices.filter((c) => c.correct)).toHaveLength(1);
        expect(q.choices.every((c) => (c.explain ? c.explain.zh.trim() && c.explain.en.trim() : c.advice?.length))).toBeTruthy();
      }
    });

    // The page prints 答对了/Right before every explanation; an explanation that says it again reads twice.
    test(`content/quizzes/${file}: no explanation opens by saying right or wrong again`, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      expect([...text.matchAll(/^\s+(?:zh: "(?:做得对|答对了)|en: "Right\b)[^\n]*/gm)].map((m) => m[0].trim())).toEqual([]);
    });
  }
});
