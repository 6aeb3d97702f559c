import type { ReactNode } from 'react';
import type { CommentRecord } from '../lib/db/model';
import { platformNames } from '../lib/platforms/types';
import { displayText } from './format';
import { useT } from './i18n';

/** One stored comment: platform, author, text (as text), sentiment, risks, and a link to where it lives. */
export function CommentRow({ comment, children }: { comment: CommentRecord; children?: ReactNode }) {
  const t = useT();
  const tags = [...new Set(comment.risks.map((r) => r.tag))];
  return (
    <li className="comment" data-comment-id={comment.id}>
      <div className="comment-meta">
        <span className="platform">{platformNames[comment.platform]}</span>
        <span className="author" dir="auto">{displayText(comment.author.name)}</span>
        {comment.author.handle && <span className="handle">{displayText(comment.author.handle)}</span>}
        <span className={`pill ${comment.sentiment.label}`}>{t(`sentiment.${comment.sentiment.label}`)}</span>
        {tags.map((tag) => (
          <span key={tag} className="pill risk" data-risk={tag}>
            {t(`risk.${tag}`)}
          </span>
        ))}
      </div>
      <p className="comment-text" dir="auto">{displayText(comment.text)}</p>
      {comment.permalink && !children && (
        <a href={comment.permalink} target="_blank" rel="noreferrer noopener">
          {t('popup.open')}
        </a>
      )}
      {children}
    </li>
  );
}
