/** The app's stylesheet, imported for its side effect: Vite emits it as a hashed file linked from the page. */
declare module '*.css';
