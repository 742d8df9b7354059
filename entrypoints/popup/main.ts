import '../../assets/styles/base.css';
import '../../assets/styles/popup.css';
import { t, uiLanguage } from '../../components/i18n';
import { Popup } from './popup';

// The start path: no React, no webextension-polyfill (docs/popup-start-path.md).
document.documentElement.lang = uiLanguage();
document.title = t('extName');
new Popup(document.getElementById('root') as HTMLElement).start();
