/** A stylesheet imported as a string (`import css from './x.css?inline'`), minified by Vite. */
declare module '*.css?inline' {
  const css: string;
  export default css;
}
