import { attr, escapeHtml, html, raw } from './html';

describe('html', () => {
  it('escapes every interpolation by default', () => {
    const name = `<script>alert("x")</script>&'`;
    expect(html`<p>${name}</p>`.value).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>',
    );
  });

  it('keeps nested templates and raw() fragments, joins arrays, drops null/undefined/false', () => {
    const items = ['a<b', 'c'].map((s) => html`<li>${s}</li>`);
    const list = html`<ul>${items}</ul>${null}${undefined}${false}${raw('<hr>')}`;
    expect(list.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul><hr>');
  });

  it('renders numbers and optional boolean attributes', () => {
    const input = html`<input value="${3}"${attr('checked', true)}${attr('disabled', false)}>`;
    expect(input.value).toBe('<input value="3" checked>');
    expect(escapeHtml('`')).toBe('&#96;');
  });
});
