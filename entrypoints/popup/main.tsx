import { createRoot } from 'react-dom/client';
import '../../assets/styles/base.css';
import '../../assets/styles/popup.css';
import { t, uiLanguage } from '../../components/i18n';
import { PopupApp } from './popup-app';

document.documentElement.lang = uiLanguage();
document.title = t('extName');
createRoot(document.getElementById('root') as HTMLElement).render(<PopupApp />);
