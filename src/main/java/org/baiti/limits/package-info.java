/**
 * Token buckets for the rate limits of the participant endpoints (docs/security.md, "Rate limits"): Bucket4j, shared
 * by every node through the PostgreSQL table {@code rate_limit_bucket}, or in memory on SQLite (one node).
 */
package org.baiti.limits;
