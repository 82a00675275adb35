package org.promiseledger.web.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Says in words what is missing or wrong (no run of that quarter, no such department, an empty query). Refusals
 * (403) are not handled here: Spring Security answers them, the same way for every page.
 */
@ControllerAdvice
@ConditionalOnWebApplication
class WebErrors {

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({BadRequestException.class, MissingServletRequestParameterException.class})
    ModelAndView badRequest(Exception e) {
        return page(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private static ModelAndView page(HttpStatus status, String message) {
        ModelAndView page = new ModelAndView("problem", status);
        page.addObject("status", status.value());
        page.addObject("title", status.getReasonPhrase());
        page.addObject("message", message);
        return page;
    }
}
