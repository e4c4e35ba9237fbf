import { useView } from './use-view.ts';

/** "What would move you one point higher?" (a 10 is asked what they value most), drivers, Send and Skip. */
export function FollowUpStep() {
  const { model, t, say, idPrefix } = useView();
  const { config } = model;
  const questionId = `${idPrefix}-follow-up`;
  const counterId = `${idPrefix}-counter`;
  const segment = model.segment.value;
  const question = model.score.value === 10 ? t.followUpQuestionTop : ((segment && config.followUpQuestions[segment]) ?? t.followUpQuestion);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        model.actions.submitFollowUp();
      }}
    >
      <h2>
        <label id={questionId} for={`${idPrefix}-comment`}>
          {say(question)}
        </label>
      </h2>
      <textarea
        id={`${idPrefix}-comment`}
        aria-describedby={counterId}
        value={model.comment.value}
        onInput={(event) => model.actions.editComment(event.currentTarget.value)}
      />
      <div id={counterId} class="counter" aria-live="polite">
        {say(t.charactersLeft, { count: model.commentLeft.value })}
      </div>
      {config.drivers.length > 0 && (
        <fieldset class="chips">
          <legend>{t.driversLabel}</legend>
          {config.drivers.map((driver) => (
            <label class="chip" key={driver}>
              <input type="checkbox" checked={model.drivers.value.includes(driver)} onChange={() => model.actions.toggleDriver(driver)} />
              {driver}
            </label>
          ))}
        </fieldset>
      )}
      <div class="actions">
        <button type="button" class="button secondary" onClick={() => model.actions.skipFollowUp()}>
          {t.skip}
        </button>
        <button type="submit" class="button">
          {t.send}
        </button>
      </div>
    </form>
  );
}
