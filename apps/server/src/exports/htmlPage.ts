import { Marked, type Tokens } from 'marked';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const safeHref = (href: string) => (/^(https?:|mailto:|#|\/)/i.test(href) ? href : '#');

// Playbook text is written by people: raw HTML in it is shown as text and links keep to
// safe schemes, so an exported page cannot run script (the route also sends a strict CSP).
const marked = new Marked({
  gfm: true,
  renderer: {
    html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
    link({ href, title, tokens }: Tokens.Link) {
      const label = this.parser.parseInline(tokens);
      return `<a href="${escapeHtml(safeHref(href))}"${title ? ` title="${escapeHtml(title)}"` : ''}>${label}</a>`;
    },
    image: ({ text }: Tokens.Image) => escapeHtml(text),
  },
});

const styles = `
body{font:16px/1.6 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#111827;max-width:50rem;margin:2rem auto;padding:0 1.25rem}
h1{font-size:2rem;border-bottom:2px solid #1d4ed8;padding-bottom:.25rem}h2{margin-top:2.5rem;border-bottom:1px solid #e5e7eb}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #d1d5db;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f4f6}a{color:#1d4ed8}footer{margin-top:3rem;color:#6b7280;font-size:.85rem}
@media print{body{margin:0;max-width:none}h2{break-before:page}h2:first-of-type{break-before:auto}a{color:inherit}}`;

/** A standalone, printable HTML page of a playbook's Markdown export. */
export function htmlPage(title: string, markdown: string, footer: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${styles}</style></head>
<body>
<main>${marked.parse(markdown, { async: false })}</main>
<footer>${escapeHtml(footer)}</footer>
</body>
</html>
`;
}
