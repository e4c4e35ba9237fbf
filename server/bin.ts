// `npx onepoint-collector …`: the installed package's command. The same commands as
// `npm run collector -- …` in this repository, with the data kept where the user runs it.
/** Where an installed collector keeps its SQLite database unless `DATABASE_URL` says otherwise. */
export const INSTALLED_DATABASE_URL = 'file:.onepoint/onepoint.sqlite';

process.env.DATABASE_URL ||= INSTALLED_DATABASE_URL;
process.env.ONEPOINT_PROGRAM ||= 'onepoint-collector';
await import('./cli.ts');
