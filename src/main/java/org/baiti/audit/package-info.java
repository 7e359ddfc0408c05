/**
 * The audit trail: an append-only log of every change an account makes (imports, contest settings, attention
 * marks, freeze, draws, accounts), each entry holding the SHA-256 of the previous one, with a page, an API and the
 * command {@code baiti audit verify} that check the chain. The chain rules are plain Java in {@link org.baiti.audit.AuditChain}.
 */
package org.baiti.audit;
