package io.mapper.demo.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.mapper.demo.service.BadRequestException;
import io.mapper.demo.service.ConflictException;
import io.mapper.demo.service.NotFoundException;
import io.mapper.demo.service.UnprocessableException;
import io.mapper.exception.IntegrityException;
import io.mapper.exception.OperationalException;
import io.mapper.exception.UnstorableValueException;
import io.mapper.orm.StaleDataException;
import io.mapper.spring.boot.TransientFailures;
import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;

/**
 * Turns every failure into an {@code application/problem+json} body ({@link ProblemDetail}): 400 for invalid input,
 * naming each field in {@code errors}; 404 for unknown ids; 409 for conflicts (a unique or foreign key constraint,
 * a stale version, insufficient stock, a stock limit); 422 for an order beyond the largest total; 503 with
 * {@code Retry-After} when the database is momentarily unavailable (a transient failure that outlasted the retries). Spring MVC's own errors
 * (malformed JSON, a wrong type in the URL, an unknown path) come through the base class in the same shape. A
 * response never carries a stack trace or SQL; unexpected errors are logged and answered with a bare 500.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    /** One invalid field of a request. */
    record FieldProblem(String field, @Nullable String message) {
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), error.isBindingFailure()
                    ? "has an invalid value" : error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return invalid(errors, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> errors.add(new FieldProblem(
                    name == null ? "parameter" : name, error.getDefaultMessage())));
        });
        return invalid(errors, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        String type = ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName();
        return invalid(List.of(new FieldProblem(field, "must be a valid " + type)), request);
    }

    /**
     * An unreadable body; when a JSON value has the wrong type or range, the problem names its field
     * ({@code lines[0].quantity}).
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
                StringBuilder field = new StringBuilder();
                for (JacksonException.Reference reference : json.getPath()) {
                    if (reference.getPropertyName() != null) {
                        field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
                    } else if (reference.getIndex() >= 0) {
                        field.append('[').append(reference.getIndex()).append(']');
                    }
                }
                return invalid(List.of(new FieldProblem(field.toString(), "has a value of the wrong type or range")),
                        request);
            }
        }
        return problem(HttpStatus.BAD_REQUEST, "Unreadable request", "The request body is missing or not valid "
                + "JSON.", Map.of(), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(violation -> new FieldProblem(lastNode(violation.getPropertyPath().toString()),
                        violation.getMessage())).toList();
        return invalid(errors, request);
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<Object> badRequest(BadRequestException ex, WebRequest request) {
        return invalid(List.of(new FieldProblem(ex.field(), ex.getMessage())), request);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException ex, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), Map.of(), request);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException ex, WebRequest request) {
        return problem(HttpStatus.CONFLICT, ex.title(), ex.getMessage(), ex.properties(), request);
    }

    /**
     * A unique or foreign key constraint refused the write. The services check every id a request refers to (404),
     * so a foreign key only refuses deletes of rows that others still refer to, and a unique constraint only
     * creates and changes.
     */
    @ExceptionHandler({IntegrityException.class, DataIntegrityViolationException.class})
    ResponseEntity<Object> integrity(RuntimeException ex, WebRequest request) {
        LOG.debug("Constraint violation answered with 409", ex);
        boolean delete = request instanceof ServletWebRequest servlet
                && servlet.getRequest().getMethod().equals("DELETE");
        String detail = delete
                ? "The resource is still referenced (a product that was ordered, a customer with orders or reviews)."
                : "A value that must be unique is already taken (an e-mail address, SKU, tag or category name).";
        return problem(HttpStatus.CONFLICT, delete ? "Still referenced" : "Already exists", detail, Map.of(),
                request);
    }

    @ExceptionHandler({StaleDataException.class, OptimisticLockingFailureException.class})
    ResponseEntity<Object> stale(RuntimeException ex, WebRequest request) {
        return problem(HttpStatus.CONFLICT, "Concurrent update", "Someone else changed this resource at the same "
                + "time. Reload it and try again.", Map.of(), request);
    }

    /** A value mapper refused before it reached the database because its column cannot store it exactly. */
    @ExceptionHandler(UnstorableValueException.class)
    ResponseEntity<Object> unstorable(UnstorableValueException ex, WebRequest request) {
        String column = ex.column() == null ? "a column" : "column " + ex.column();
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Value not storable", "A value does not fit " + column
                + " exactly (too long, too many digits, or characters no database stores).",
                ex.column() == null ? Map.of() : Map.of("column", ex.column()), request);
    }

    @ExceptionHandler(UnprocessableException.class)
    ResponseEntity<Object> unprocessable(UnprocessableException ex, WebRequest request) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, ex.title(), ex.getMessage(), ex.properties(), request);
    }

    /**
     * The database failed for a reason outside the request: a transient failure that outlasted the retries (lost
     * connection, deadlock, lock or pool timeout, database restarting), also when Spring's rollback on the dead
     * connection failed too, or the transaction could not start for want of a connection. Also a connection lost
     * during the commit itself ({@code DataAccessResourceFailureException}): its outcome is unknown, so it is not
     * retried here, and the client should read before it repeats the write.
     */
    @ExceptionHandler({OperationalException.class, TransientDataAccessException.class,
            DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    ResponseEntity<Object> unavailable(RuntimeException ex, WebRequest request) {
        LOG.warn("Database momentarily unavailable answering {}: {}", describe(request), ex.toString());
        ResponseEntity<Object> response = problem(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
                "The database is busy or unreachable for a moment. Try again shortly.", Map.of(), request);
        return ResponseEntity.status(response.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "1")
                .headers(response.getHeaders()).body(response.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        if (TransientFailures.isTransient(ex)) {
            // A TransactionSystemException (or another wrapper) around a transient failure.
            return unavailable(ex instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex),
                    request);
        }
        LOG.error("Unexpected error answering {}", describe(request), ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request failed unexpectedly; "
                + "the error is logged.", Map.of(), request);
    }

    private ResponseEntity<Object> invalid(List<FieldProblem> errors, WebRequest request) {
        String detail = errors.isEmpty() ? "The request is invalid." : "Invalid request: " + String.join("; ",
                errors.stream().map(error -> error.field() + " " + error.message()).toList()) + ".";
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, Map.of("errors", errors), request);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String title, @Nullable String detail,
            Map<String, Object> properties, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        if (request instanceof ServletWebRequest servlet) {
            body.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        properties.forEach(body::setProperty);
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static String describe(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI() : request.toString();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
