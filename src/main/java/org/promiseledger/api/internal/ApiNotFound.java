package org.promiseledger.api.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/** Any other address under /api answers a problem too, rather than the pages' HTML error. */
@RestController
@ConditionalOnWebApplication
@Hidden
class ApiNotFound {

    @RequestMapping("/api/**")
    void none(HttpServletRequest request) {
        throw ApiProblem.notFound("there is no " + request.getMethod() + " " + request.getRequestURI() + " in the API;"
                + " see /v3/api-docs");
    }
}
