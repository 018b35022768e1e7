package dev.attest.api;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A known path called with a method it does not support: 405 with {@code Allow}, as problem details in the shape
 * of the API's other errors. Spring MVC raises this while choosing a handler, before any controller is known, so
 * the advice cannot be limited to Attest's controllers as {@link ApiExceptionHandler} is.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiRoutingErrors {

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        Set<HttpMethod> allowed = e.getSupportedHttpMethods() == null ? Set.of() : e.getSupportedHttpMethods();
        String list = allowed.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
        ResponseEntity<ProblemDetail> answer = ApiExceptionHandler.problem(HttpStatus.METHOD_NOT_ALLOWED,
                "Method not allowed", e.getMethod() + " is not supported on this path"
                        + (list.isEmpty() ? "." : "; use " + list + "."), null);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).allow(allowed.toArray(
                HttpMethod[]::new)).body(answer.getBody());
    }
}
