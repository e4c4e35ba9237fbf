import { useState } from 'preact/hooks';
import type { Interval } from '../../sdk/index.ts';
import type { DashboardFilters } from '../models/dashboard-filters.ts';

const INTERVAL_WORDS: Record<Interval, string> = { day: 'Day', week: 'Week', month: 'Month' };

/** The dashboard's filters: date range, survey, one trait; applied together (and kept in the address). */
export function DashboardFiltersForm(props: { filters: DashboardFilters; busy: boolean; onApply: (filters: DashboardFilters) => void }) {
  const [from, setFrom] = useState(props.filters.from ?? '');
  const [to, setTo] = useState(props.filters.to ?? '');
  const [interval, setInterval] = useState<Interval>(props.filters.interval);
  const [surveyId, setSurveyId] = useState(props.filters.surveyId ?? '');
  const [traitKey, setTraitKey] = useState(props.filters.trait?.key ?? '');
  const [traitValue, setTraitValue] = useState(props.filters.trait?.value ?? '');
  return (
    <form
      class="dashboard-filters panel"
      aria-label="Filters"
      onSubmit={(event) => {
        event.preventDefault();
        const key = traitKey.trim();
        props.onApply({
          interval,
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          ...(surveyId.trim() ? { surveyId: surveyId.trim() } : {}),
          ...(key ? { trait: { key, value: traitValue } } : {}),
        });
      }}
    >
      <div class="field">
        <label for="filter-from">From</label>
        <input id="filter-from" type="date" value={from} onInput={(event) => setFrom(event.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="filter-to">To (included)</label>
        <input id="filter-to" type="date" value={to} onInput={(event) => setTo(event.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="filter-interval">Trend by</label>
        <select id="filter-interval" value={interval} onChange={(event) => setInterval(asInterval(event.currentTarget.value))}>
          {(['day', 'week', 'month'] as const).map((one) => (
            <option key={one} value={one}>
              {INTERVAL_WORDS[one]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-survey">Survey</label>
        <input id="filter-survey" value={surveyId} placeholder="All surveys" onInput={(event) => setSurveyId(event.currentTarget.value)} aria-describedby="filter-survey-hint" />
        <span class="hint" id="filter-survey-hint">
          Its id, as in the tag (e.g. nps)
        </span>
      </div>
      <div class="field">
        <label for="filter-trait-key">Trait</label>
        <input id="filter-trait-key" value={traitKey} placeholder="e.g. plan" onInput={(event) => setTraitKey(event.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="filter-trait-value">Trait value</label>
        <input id="filter-trait-value" value={traitValue} placeholder="e.g. pro" onInput={(event) => setTraitValue(event.currentTarget.value)} />
      </div>
      <button type="submit" class="primary" disabled={props.busy}>
        Apply
      </button>
    </form>
  );
}

const asInterval = (value: string): Interval => (value === 'day' || value === 'month' ? value : 'week');
