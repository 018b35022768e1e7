package dev.attest.api;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A path under {@code /api} that no endpoint serves is answered 404 (problem details), for every method and in
 * any letter case. Without this, Vaadin's catch-all mapping (just before the static resources, at the lowest
 * precedence but one) would answer it with the UI's bootstrap page, 200 {@code text/html}, and a client calling a
 * mistyped endpoint would believe it had succeeded. This mapping sits just before Vaadin's, after the controllers,
 * so a known path with another method still reaches Spring MVC's 405 ({@link ApiRoutingErrors}).
 */
@Configuration
class UnknownApiPaths {

    /** Vaadin's root mapping and Spring Boot's static resources are ordered {@code LOWEST_PRECEDENCE - 1}. */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 2;

    @Bean
    SimpleUrlHandlerMapping unknownApiPathMapping(ObjectMapper json) {
        PathPatternParser anyCase = new PathPatternParser();
        anyCase.setCaseSensitive(false);
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/api/**", notFound(json)), ORDER);
        mapping.setPatternParser(anyCase);
        return mapping;
    }

    private static HttpRequestHandler notFound(ObjectMapper json) {
        return (request, response) -> {
            ResponseEntity<ProblemDetail> answer = ApiExceptionHandler.problem(HttpStatus.NOT_FOUND, "Not found",
                    "No endpoint of the API has this path; see /v3/api-docs.", null);
            response.setStatus(answer.getStatusCode().value());
            response.setContentType(String.valueOf(answer.getHeaders().getContentType()));
            json.writeValue(response.getOutputStream(), answer.getBody());
        };
    }
}
