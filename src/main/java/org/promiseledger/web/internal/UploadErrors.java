package org.promiseledger.web.internal;

import java.net.URI;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;

/**
 * An upload past the size limit is refused before any controller sees it; this says so in words — on the upload page
 * for a person, as an RFC 9457 problem for the API.
 */
@ControllerAdvice
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadErrors {

    private final DataSize limit;

    UploadErrors(@org.springframework.beans.factory.annotation.Value("${promise-ledger.upload-limit:1GB}") DataSize limit) {
        this.limit = limit;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
        String message = "The upload is larger than the limit of " + describe() + " (promise-ledger.upload-limit).";
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, message);
            problem.setTitle("Upload refused");
            problem.setInstance(URI.create(request.getRequestURI()));
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
        }
        ModelAndView page = new ModelAndView("run-new", HttpStatus.PAYLOAD_TOO_LARGE);
        page.addObject("limit", describe());
        page.addObject("refusal", message);
        return page;
    }

    private String describe() {
        return limit.toMegabytes() > 0 ? limit.toMegabytes() + " MB" : limit.toBytes() + " bytes";
    }
}
