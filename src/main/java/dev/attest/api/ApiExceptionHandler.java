package dev.attest.api;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.attest.cases.CaseClosedException;
import dev.attest.cases.CaseNotFoundException;
import dev.attest.designer.DeploymentRefusedException;
import dev.attest.designer.ModelNotFoundException;
import dev.attest.documents.DocumentNotFoundException;
import dev.attest.documents.DocumentRefusedException;
import dev.attest.documents.TamperedDocumentException;
import dev.attest.identity.AccountChangeRefusedException;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.UserNotFoundException;
import dev.attest.ownership.OwnershipNotRecordedException;
import dev.attest.recovery.NotAwaitingDecisionException;
import dev.attest.validation.FieldError;
import dev.attest.validation.InvalidInputException;
import dev.attest.worklist.TaskConflictException;
import dev.attest.worklist.SavedFilterNotFoundException;
import dev.attest.worklist.TaskNotFoundException;

/**
 * Turns errors of {@code /api/**} into problem details. 400s name every bad field under {@code errors}.
 */
@RestControllerAdvice(basePackages = "dev.attest")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        return fieldErrors(e.errors());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof UnrecognizedPropertyException u) {
            return fieldErrors(List.of(new FieldError(path(u), "is not a known field")));
        }
        if (e.getCause() instanceof InvalidFormatException f) {
            return fieldErrors(List.of(new FieldError(path(f), "has the wrong type: expected "
                    + f.getTargetType().getSimpleName().toLowerCase())));
        }
        if (e.getCause() instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return fieldErrors(List.of(new FieldError(path(m), "has the wrong type")));
        }
        return problem(HttpStatus.BAD_REQUEST, "Malformed request body",
                "The body is not valid JSON of the expected shape.", null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> parameter(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String expected = type != null && type.isEnum()
                ? "one of " + Arrays.toString(type.getEnumConstants())
                : type == null ? "another value" : type.getSimpleName().toLowerCase();
        return fieldErrors(List.of(new FieldError(e.getName(), "has the wrong value: expected " + expected)));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                "Send application/json.", null);
    }

    @ExceptionHandler({CaseNotFoundException.class, TaskNotFoundException.class, DocumentNotFoundException.class,
            OwnershipNotRecordedException.class, ModelNotFoundException.class,
            UserNotFoundException.class, SavedFilterNotFoundException.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), null);
    }

    @ExceptionHandler(DocumentRefusedException.class)
    ResponseEntity<ProblemDetail> refused(DocumentRefusedException e) {
        return switch (e.reason()) {
            case INVALID -> problem(HttpStatus.BAD_REQUEST, "Document refused", e.getMessage(), null);
            case TOO_LARGE -> problem(HttpStatus.PAYLOAD_TOO_LARGE, "Document too large", e.getMessage(), null);
            case UNSUPPORTED -> problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Document type refused", e.getMessage(), null);
            case BUSY -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Busy", e.getMessage(), null).getBody());
        };
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Document too large", "The upload exceeds the size limit.", null);
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
    ResponseEntity<ProblemDetail> missingPart(Exception e) {
        String part = e instanceof MissingServletRequestPartException m ? m.getRequestPartName() : "file";
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // the servlet container refuses a file name with a NUL character while parsing the request
            if ("InvalidFileNameException".equals(cause.getClass().getSimpleName())) {
                return fieldErrors(List.of(new FieldError("file", "name contains a NUL character")));
            }
        }
        return fieldErrors(List.of(new FieldError(part, e instanceof MultipartException
                && !(e instanceof MissingServletRequestPartException) ? "is not a readable multipart upload"
                : "is required")));
    }

    @ExceptionHandler(TamperedDocumentException.class)
    ResponseEntity<ProblemDetail> tampered(TamperedDocumentException e) {
        log.error("Integrity failure: {}", e.getMessage());
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Document integrity failure",
                "The stored document failed its integrity check and is not served. An administrator has been told.", null);
    }

    @ExceptionHandler({TaskConflictException.class, NotAwaitingDecisionException.class,
            AccountChangeRefusedException.class})
    ResponseEntity<ProblemDetail> conflict(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), null);
    }

    @ExceptionHandler(CaseClosedException.class)
    ResponseEntity<ProblemDetail> caseClosed(CaseClosedException e) {
        return problem(HttpStatus.CONFLICT, "Case closed", e.getMessage(), null);
    }

    @ExceptionHandler(DeploymentRefusedException.class)
    ResponseEntity<ProblemDetail> deploymentRefused(DeploymentRefusedException e) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Deployment refused",
                e.violations().size() == 1 ? "1 problem; nothing was deployed."
                        : e.violations().size() + " problems; nothing was deployed.", null);
        answer.getBody().setProperty("violations", e.violations());
        return answer;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        log.warn("Denied: {} — {}", CurrentUser.find().map(CurrentUser::username).orElse("anonymous"), e.getMessage());
        String detail = e.getMessage() == null || e.getMessage().startsWith("Access Denied")
                ? "Your role does not allow this." : e.getMessage();
        return problem(HttpStatus.FORBIDDEN, "Forbidden", detail, null);
    }

    private static ResponseEntity<ProblemDetail> fieldErrors(List<FieldError> errors) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input",
                errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.",
                errors);
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
            Object errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("about:blank"));
        if (errors != null) {
            p.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }
}
