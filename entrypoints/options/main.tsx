import { createRoot } from 'react-dom/client';
import '../../components/base.css';
import { LangProvider, useT } from '../../components/i18n';
import { Settings } from '../../components/Settings';

function App() {
  const t = useT();
  return (
    <main style={{ padding: 16, maxWidth: 720 }}>
      <h1>{t('options.title')}</h1>
      <Settings />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <LangProvider>
    <App />
  </LangProvider>,
);
