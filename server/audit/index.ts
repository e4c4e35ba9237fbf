export { InvalidAuditCursorError } from './cursor.ts';
export { recordAudit, type AuditRecord } from './record.ts';
export { requestAudit } from './request-audit.ts';
export { auditRoutes } from './routes.ts';
export { auditStore, type AuditPage, type AuditStore } from './store.ts';
