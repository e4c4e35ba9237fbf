import { useView } from './use-view.ts';

/** One open question with its own Send. */
export function PassiveThanks() {
  const { model, t, say, idPrefix } = useView();
  if (model.extraSent.value) return <p>{t.passiveSent}</p>;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (model.followUp.value.trim()) model.actions.submitExtra();
      }}
    >
      <p>{t.passiveText}</p>
      <label class="field" for={`${idPrefix}-passive`}>
        {say(t.passiveQuestion)}
      </label>
      <textarea id={`${idPrefix}-passive`} value={model.followUp.value} onInput={(event) => model.actions.editFollowUp(event.currentTarget.value)} />
      <div class="actions">
        <button type="submit" class="button">
          {t.send}
        </button>
      </div>
    </form>
  );
}
