import { createRoot } from 'react-dom/client';
import '../../components/base.css';
import { LangProvider } from '../../components/i18n';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <LangProvider>
    <App />
  </LangProvider>,
);
