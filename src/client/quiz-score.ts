/**
 * Scores a quiz in the page: the first choice opened in a question is the reader's answer.
 * Answers stay in memory; nothing is stored or sent.
 */
export function enhanceQuiz(quiz: HTMLElement, out: HTMLElement): void {
  const questions = [...quiz.querySelectorAll<HTMLElement>('[data-question]')];
  const fill = (template: string, values: Record<string, number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
  const update = () => {
    const answered = questions.filter((q) => q.dataset.answered);
    const right = answered.filter((q) => q.dataset.answered === 'right').length;
    const total = questions.length;
    out.hidden = false;
    out.textContent =
      answered.length === total
        ? fill(quiz.dataset.scoreText!, { right, total })
        : fill(quiz.dataset.progressText!, { answered: answered.length, total });
  };
  for (const question of questions) {
    for (const details of question.querySelectorAll<HTMLDetailsElement>('details')) {
      details.addEventListener('toggle', () => {
        if (!details.open || question.dataset.answered) return;
        question.dataset.answered = details.dataset.correct === 'true' ? 'right' : 'wrong';
        update();
      });
    }
  }
}
