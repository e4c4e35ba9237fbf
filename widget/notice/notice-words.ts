/** The notice card's words: the line above the change's title, and the close button's name. */
export interface NoticeWords {
  intro: string;
  close: string;
}

// Every built-in locale of the survey (widget/i18n), kept here: the notice is its own chunk and
// must not fetch the survey's locale files for two lines.
const EN: NoticeWords = { intro: 'You told us what you thought — here is what we changed', close: 'Close' };
const WORDS: Record<string, NoticeWords> = {
  en: EN,
  es: { intro: 'Nos diste tu opinión: esto es lo que hemos cambiado', close: 'Cerrar' },
  fr: { intro: 'Vous nous avez donné votre avis — voici ce que nous avons changé', close: 'Fermer' },
  de: { intro: 'Sie haben uns Ihre Meinung gesagt – das haben wir geändert', close: 'Schließen' },
  pt: { intro: 'Você nos disse o que achava — veja o que mudamos', close: 'Fechar' },
  it: { intro: 'Ci hai detto cosa ne pensavi: ecco cosa abbiamo cambiato', close: 'Chiudi' },
  nl: { intro: 'Je vertelde ons wat je ervan vond — dit hebben we veranderd', close: 'Sluiten' },
  pl: { intro: 'Podzieliłeś się z nami opinią — oto co zmieniliśmy', close: 'Zamknij' },
  sv: { intro: 'Du berättade vad du tyckte – det här har vi ändrat', close: 'Stäng' },
  tr: { intro: 'Bize düşüncelerinizi söylediniz — işte değiştirdiklerimiz', close: 'Kapat' },
  ja: { intro: 'ご意見をありがとうございました。変更した内容はこちらです', close: '閉じる' },
  zh: { intro: '感谢您的反馈——以下是我们做出的改变', close: '关闭' },
  ar: { intro: 'أخبرتنا برأيك — وهذا ما غيّرناه', close: 'إغلاق' },
  he: { intro: 'סיפרת לנו מה דעתך — הנה מה ששינינו', close: 'סגירה' },
};

/** The words of `locale` (one of the survey's built-in locales), English when there are none. */
export function noticeWords(locale: string): NoticeWords {
  return WORDS[locale] ?? EN;
}
