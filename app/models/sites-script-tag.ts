/** Where the tag's `src` points until the team puts in where they host `dist/onepoint.js` (as SPEC §3 writes it). */
export const SCRIPT_SRC_PLACEHOLDER = 'https://YOUR-CDN/onepoint.js';

/**
 * The script tag for a site, as the README's "The script tag" writes it: the loader, the
 * collector's URL and the site's public key. Attribute values are escaped for HTML.
 * @example scriptTag({ endpoint: 'https://c.example', publicKey: 'pk_1' })
 * // <script async src="https://YOUR-CDN/onepoint.js" data-endpoint="https://c.example" data-site-key="pk_1"></script>
 */
export function scriptTag(input: { endpoint: string; publicKey: string; src?: string }): string {
  const src = input.src ?? SCRIPT_SRC_PLACEHOLDER;
  return `<script async src="${attribute(src)}" data-endpoint="${attribute(input.endpoint)}" data-site-key="${attribute(input.publicKey)}"></script>`;
}

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
