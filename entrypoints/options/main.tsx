import { createRoot } from 'react-dom/client';
import '../../assets/styles/base.css';
import '../../assets/styles/options.css';
import { t, uiLanguage } from '../../components/i18n';
import { OptionsApp } from './options-app';

document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle');
createRoot(document.getElementById('root') as HTMLElement).render(<OptionsApp />);
