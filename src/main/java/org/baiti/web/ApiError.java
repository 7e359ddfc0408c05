package org.baiti.web;

import java.util.List;

/** The JSON body of every error answer (docs/api.md). */
public record ApiError(String error, String message, List<?> details) {
}
