import type { MailLocale } from '../contract';

/**
 * An email body as data: the HTML and the plain text are rendered from the same blocks, and every piece
 * of text passes through one escaping function, so a parameter can never inject markup.
 */
export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'facts'; rows: Array<[label: string, value: string]> }
  | { kind: 'quote'; label: string; text: string }
  | { kind: 'button'; label: string; href: string }
  | { kind: 'list'; title: string; items: Array<{ text: string; href?: string }> };

export interface EmailContent {
  subject: string;
  blocks: Block[];
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Only web links go into an href: a `javascript:` or `data:` parameter is dropped. */
export function safeHref(href: string): string | undefined {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

const FOOTER: Record<MailLocale, string> = {
  en: 'This message was sent automatically by Disclose. Please do not reply to it.',
  'zh-CN': '本邮件由 Disclose 系统自动发送，请勿直接回复。',
};

const P = 'margin:0 0 16px 0;';

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'p':
      return `<p style="${P}">${escapeHtml(block.text)}</p>`;
    case 'facts':
      return (
        `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px 0;">` +
        block.rows
          .map(
            ([label, value]) =>
              `<tr><th scope="row" style="text-align:left;padding:4px 16px 4px 0;font-weight:600;">` +
              `${escapeHtml(label)}</th><td style="padding:4px 0;">${escapeHtml(value)}</td></tr>`,
          )
          .join('') +
        `</table>`
      );
    case 'quote':
      return (
        `<p style="${P}font-weight:600;">${escapeHtml(block.label)}</p>` +
        `<blockquote style="margin:0 0 16px 0;padding:8px 16px;border-left:4px solid #8a8a8a;` +
        `white-space:pre-wrap;">${escapeHtml(block.text)}</blockquote>`
      );
    case 'button': {
      const href = safeHref(block.href);
      if (!href) return '';
      return (
        `<p style="${P}"><a href="${escapeHtml(href)}" style="display:inline-block;padding:10px 18px;` +
        `background:#0b5cad;color:#ffffff;text-decoration:underline;border-radius:4px;">` +
        `${escapeHtml(block.label)}</a></p>` +
        `<p style="${P}font-size:13px;color:#444444;word-break:break-all;">${escapeHtml(href)}</p>`
      );
    }
    case 'list':
      return (
        `<h2 style="font-size:17px;margin:24px 0 8px 0;">${escapeHtml(block.title)}</h2>` +
        `<ul style="margin:0 0 16px 0;padding-left:20px;">` +
        block.items
          .map((item) => {
            const href = item.href ? safeHref(item.href) : undefined;
            const text = escapeHtml(item.text);
            return `<li style="margin:0 0 6px 0;">${href ? `<a href="${escapeHtml(href)}" style="color:#0b5cad;">${text}</a>` : text}</li>`;
          })
          .join('') +
        `</ul>`
      );
  }
}

export function renderHtml(content: EmailContent, locale: MailLocale): string {
  const subject = escapeHtml(content.subject);
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${subject}</title></head>` +
    `<body style="margin:0;padding:0;background:#f3f3f3;">` +
    `<div role="article" aria-label="${subject}" lang="${locale}" style="max-width:600px;margin:0 auto;` +
    `padding:24px;background:#ffffff;color:#1a1a1a;font-family:-apple-system,'Segoe UI',Roboto,` +
    `'PingFang SC','Microsoft YaHei',sans-serif;font-size:16px;line-height:1.6;">` +
    `<h1 style="font-size:20px;margin:0 0 16px 0;">${subject}</h1>` +
    content.blocks.map(blockHtml).join('') +
    `<p style="margin:24px 0 0 0;font-size:13px;color:#555555;">${escapeHtml(FOOTER[locale])}</p>` +
    `</div></body></html>`
  );
}

function blockText(block: Block, locale: MailLocale): string {
  const colon = locale === 'zh-CN' ? '：' : ': ';
  switch (block.kind) {
    case 'p':
      return block.text;
    case 'facts':
      return block.rows.map(([label, value]) => `${label}${colon}${value}`).join('\n');
    case 'quote':
      return `${block.label}\n${block.text
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n')}`;
    case 'button': {
      const href = safeHref(block.href);
      return href ? `${block.label}${colon}${href}` : '';
    }
    case 'list':
      return [
        block.title,
        ...block.items.map((i) => `- ${i.text}${i.href && safeHref(i.href) ? `  ${safeHref(i.href)}` : ''}`),
      ].join('\n');
  }
}

export function renderText(content: EmailContent, locale: MailLocale): string {
  const parts = content.blocks.map((b) => blockText(b, locale)).filter((t) => t !== '');
  return [content.subject, ...parts, '--', FOOTER[locale]].join('\n\n') + '\n';
}
