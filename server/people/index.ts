export { erasePerson, type ErasedPerson, type PersonEraser } from './erase.ts';
export { peopleRoutes } from './routes.ts';
