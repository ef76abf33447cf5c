import { attr, html, raw, type HtmlValue, type SafeHtml } from './html';
import { t } from '../i18n/i18n';
import { CSRF_FIELD, type PortalContext } from '../http/portal-context';

/** One message per field; `field` is the input's name (its id is `f-<name>`). */
export interface FormError {
  field: string;
  message: string;
}

export interface FieldOptions {
  name: string;
  label: string;
  hint?: string;
  value?: string;
  errors?: FormError[];
  type?: string;
  autocomplete?: string;
  required?: boolean;
  inputmode?: string;
  extra?: HtmlValue;
}

export const fieldId = (name: string): string => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export function csrfField(ctx: PortalContext): SafeHtml {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${ctx.csrf}" />`;
}

/** GOV.UK-style error summary: focused on load by portal.js, each message links to its field. */
export function errorSummary(ctx: PortalContext, errors: FormError[] | undefined): HtmlValue {
  if (!errors?.length) return '';
  return html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
    <h2 id="error-summary-title">${t(ctx.locale, 'errors.summary')}</h2>
    <ul>
      ${errors.map((e) => html`<li><a href="#${fieldId(e.field)}">${e.message}</a></li>`)}
    </ul>
  </div>`;
}

function parts(o: FieldOptions): { id: string; error?: FormError; describedBy: string; head: SafeHtml } {
  const id = fieldId(o.name);
  const error = o.errors?.find((e) => e.field === o.name);
  const ids = [o.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const head = html`<label class="label" for="${id}">${o.label}</label>
    ${o.hint ? html`<div class="hint" id="${id}-hint">${o.hint}</div>` : ''}
    ${error ? html`<p class="error-message" id="${id}-error">${error.message}</p>` : ''}`;
  // Built from ids made here (never user input), so it is rendered raw.
  return { id, error, describedBy: ids ? ` aria-describedby="${ids}"` : '', head };
}

export function textInput(o: FieldOptions): SafeHtml {
  const { id, error, describedBy, head } = parts(o);
  return html`<div class="field${error ? ' field-error' : ''}">
    ${head}
    <input
      class="input"
      id="${id}"
      name="${o.name}"
      type="${o.type ?? 'text'}"
      value="${o.value ?? ''}"
      ${
        o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''
      }${o.inputmode ? html` inputmode="${o.inputmode}"` : ''}${attr('required', o.required)}${
        error ? html` aria-invalid="true"` : ''
      }${raw(describedBy)}${o.extra ?? ''}
    />
  </div>`;
}

export function textArea(o: FieldOptions & { rows?: number }): SafeHtml {
  const { id, error, describedBy, head } = parts(o);
  return html`<div class="field${error ? ' field-error' : ''}">
    ${head}
    <textarea
      class="textarea"
      id="${id}"
      name="${o.name}"
      rows="${o.rows ?? 6}"
      ${attr('required', o.required)}${error ? html` aria-invalid="true"` : ''}${raw(describedBy)}
    >
${o.value ?? ''}</textarea>
  </div>`;
}

export function select(
  o: FieldOptions & { options: { value: string; text: string }[]; placeholder?: string },
): SafeHtml {
  const { id, error, describedBy, head } = parts(o);
  const opts = o.options.map(
    (opt) =>
      html`<option value="${opt.value}" ${attr('selected', opt.value === o.value)}>${opt.text}</option>`,
  );
  return html`<div class="field${error ? ' field-error' : ''}">
    ${head}
    <select
      class="select"
      id="${id}"
      name="${o.name}"
      ${attr('required', o.required)}${
        error ? html` aria-invalid="true"` : ''
      }${raw(describedBy)}${o.extra ?? ''}
    >
      ${o.placeholder !== undefined ? html`<option value="">${o.placeholder}</option>` : ''}${opts}
    </select>
  </div>`;
}

export function checkbox(name: string, label: string, checked: boolean): SafeHtml {
  const id = fieldId(name);
  return html`<div class="field checkbox">
    <input type="checkbox" id="${id}" name="${name}" value="true" ${attr('checked', checked)} /><label
      for="${id}"
      >${label}</label
    >
  </div>`;
}

export function button(text: string, kind: 'primary' | 'secondary' | 'warning' = 'primary'): SafeHtml {
  return html`<button type="submit" class="button button-${kind}">${text}</button>`;
}
