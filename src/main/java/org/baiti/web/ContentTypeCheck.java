package org.baiti.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request's {@code Content-Type} must name one concrete media type ({@code application/json}, not {@code *}/{@code *}
 * or {@code application/*}, not unparsable text): otherwise {@code 415 unsupported_media_type} before anything reads
 * the body. Spring refuses such a header deep inside its converters with an error that is not the client's to see.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContentTypeCheck extends OncePerRequestFilter {

    private final ApiErrors errors;

    ContentTypeCheck(ApiErrors errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Content-Type");
        if (header != null && !header.isBlank() && !concrete(header)) {
            errors.write(response, errors.problem(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean concrete(String header) {
        try {
            MediaType type = MediaType.parseMediaType(header);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException | IndexOutOfBoundsException e) { // Spring's parser fails so on "/!
            return false;
        }
    }
}
