package org.promiseledger.api.internal;

import java.net.URI;

import org.promiseledger.operate.UploadRefusedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Every error of the REST API as an RFC 9457 problem ({@code application/problem+json}): Spring MVC's own
 * (unreadable body, missing parameter, wrong method, upload too large) through {@link ResponseEntityExceptionHandler},
 * and the product's refusals with the list of problems it found. Only for the API's controllers: the pages keep
 * their own error pages.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> refused(ApiProblem e, HttpServletRequest request) {
        ProblemDetail problem = problem(e.status(), e.title(), e.getMessage(), request);
        if (!e.problems().isEmpty()) {
            problem.setProperty("problems", e.problems());
        }
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(UploadRefusedException.class)
    ResponseEntity<ProblemDetail> uploadRefused(UploadRefusedException e, HttpServletRequest request) {
        HttpStatus status = e.tooLarge() ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(problem(status, "Upload refused", e.getMessage(), request));
    }

    /** A malformed period, scope or amount: what was wrong, in the words of the code that found it. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badArgument(IllegalArgumentException e, HttpServletRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage(), request));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badType(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Bad request",
                "'" + e.getValue() + "' is not a valid " + e.getName(), request));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, org.springframework.http.HttpHeaders headers,
            org.springframework.http.HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getInstance() == null
                && request instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest() instanceof HttpServletRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequestURI()));
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }
}
