import { createRoot } from 'react-dom/client';
import '../../components/base.css';
import { FlaggedList } from '../../components/FlaggedList';

createRoot(document.getElementById('root')!).render(
  <main style={{ padding: 12 }}>
    <h1>Vigie</h1>
    <FlaggedList limit={200} />
  </main>,
);
