import { createRoot } from 'react-dom/client';
import '../../components/base.css';
import { translate, detectUiLang } from '../../lib/i18n';

createRoot(document.getElementById('root')!).render(
  <main style={{ padding: 16, maxWidth: 720 }}>
    <h1>{translate(detectUiLang(), 'options.title')}</h1>
  </main>,
);
