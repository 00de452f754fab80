import { lexer, type Token, type Tokens } from 'marked';
import type { ReactNode } from 'react';
import styles from './richtext.module.css';

/** Only web and mail links become anchors; anything else (javascript:, data:) stays text. */
function safeHref(href: string): string | null {
  if (/^[/#]/.test(href) && !href.startsWith('//')) return href; // within Fullcourt
  try {
    const url = new URL(href);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function inline(tokens: readonly Token[] | undefined, fallback = ''): ReactNode[] {
  if (!tokens) return [fallback];
  return tokens.map((token, i) => {
    const key = i;
    switch (token.type) {
      case 'strong':
        return <strong key={key}>{inline(token.tokens, token.text)}</strong>;
      case 'em':
        return <em key={key}>{inline(token.tokens, token.text)}</em>;
      case 'del':
        return <s key={key}>{inline(token.tokens, token.text)}</s>;
      case 'codespan':
        return <code key={key}>{token.text}</code>;
      case 'br':
        return <br key={key} />;
      case 'link': {
        const href = safeHref((token as Tokens.Link).href);
        const label = inline(token.tokens, token.text);
        return href ? (
          <a key={key} href={href} target="_blank" rel="noopener noreferrer">
            {label}
          </a>
        ) : (
          <span key={key}>{label}</span>
        );
      }
      case 'checkbox':
        return null; // the list item shows its own box
      case 'text':
        return 'tokens' in token && token.tokens ? <span key={key}>{inline(token.tokens, token.text)}</span> : decode(token.text);
      default:
        // Escapes, images and embedded HTML are shown as the text they are, never as markup.
        return decode('text' in token ? String(token.text) : token.raw);
    }
  });
}

/** marked leaves entities such as &amp; in text; React would print them literally. */
function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? _);
}

function block(token: Token, key: number): ReactNode {
  switch (token.type) {
    case 'space':
    case 'def':
      return null;
    case 'paragraph':
      return <p key={key}>{inline(token.tokens, token.text)}</p>;
    case 'heading': {
      // Rich text sits under the reader's own h2/h3 headings; its headings start below them.
      const level = Math.min(6, (token as Tokens.Heading).depth + 3);
      const Tag = `h${level}` as 'h4' | 'h5' | 'h6';
      return <Tag key={key}>{inline(token.tokens, token.text)}</Tag>;
    }
    case 'list': {
      const list = token as Tokens.List;
      const isTasks = list.items.some((item) => item.task);
      const items = list.items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity but their place.
        <li key={i} className={item.task && item.checked ? styles.done : undefined}>
          {item.task && (
            <span className="task-box" role="img" aria-label={item.checked ? 'done' : 'to do'}>
              {item.checked ? '☒' : '☐'}
            </span>
          )}
          <div>{item.tokens.map((t, j) => block(t, j))}</div>
        </li>
      ));
      if (list.ordered) {
        return (
          <ol key={key} start={typeof list.start === 'number' ? list.start : undefined}>
            {items}
          </ol>
        );
      }
      return (
        <ul key={key} className={isTasks ? styles.taskList : undefined}>
          {items}
        </ul>
      );
    }
    case 'text':
      // Tight list items hold bare text blocks.
      return <span key={key}>{inline('tokens' in token ? token.tokens : undefined, token.text)}</span>;
    case 'blockquote':
      return <blockquote key={key}>{(token as Tokens.Blockquote).tokens.map((t, j) => block(t, j))}</blockquote>;
    case 'code':
      return (
        <pre key={key}>
          <code>{token.text}</code>
        </pre>
      );
    case 'hr':
      return <hr key={key} />;
    case 'table': {
      const table = token as Tokens.Table;
      return (
        <div className="table-scroll" key={key}>
          <table>
            <thead>
              <tr>
                {table.header.map((cell, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional.
                  <th key={i} scope="col">
                    {inline(cell.tokens, cell.text)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional.
                <tr key={r}>
                  {row.map((cell, c) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                    <td key={c}>{inline(cell.tokens, cell.text)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    default:
      return <p key={key}>{decode(token.raw)}</p>;
  }
}

/**
 * Rich text rendered from its Markdown as React elements: the reader shows notes and pages without
 * loading an editor, and no HTML string ever reaches the page, so there is nothing to sanitise.
 */
export function MarkdownView({ markdown, empty }: { markdown: string; empty?: string }) {
  if (markdown.trim() === '') return empty ? <p className="empty">{empty}</p> : null;
  return <div className={styles.richTextView}>{lexer(markdown, { gfm: true }).map((token, i) => block(token, i))}</div>;
}
