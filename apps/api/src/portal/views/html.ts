/**
 * A tiny HTML template helper: every interpolation is escaped unless it is already {@link SafeHtml} (made by
 * `html` itself or by `raw()` for trusted fragments). Arrays are joined; null, undefined and false render
 * nothing. Simpler and safer than a template engine: the compiler checks every page's inputs.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (c) => ESCAPES[c]);
}

/** Marks a string as trusted HTML. Only for fragments built by code, never for user input. */
export function raw(value: string): SafeHtml {
  return new SafeHtml(value);
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** The tagged template: html`<p>${userText}</p>` escapes userText. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** Attribute helper for optional boolean attributes (`checked`, `selected`, `disabled`). */
export function attr(name: string, on: boolean | undefined): SafeHtml {
  return raw(on ? ` ${name}` : '');
}
