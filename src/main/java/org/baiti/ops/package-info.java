/**
 * Contest-day operations: the meters an operator watches ({@link org.baiti.ops.ContestMetrics}, scraped at
 * {@code /actuator/prometheus}) and what counts the participant requests on their way through (docs/operations.md).
 */
package org.baiti.ops;
