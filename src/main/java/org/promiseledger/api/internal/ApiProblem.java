package org.promiseledger.api.internal;

import java.util.List;

import org.springframework.http.HttpStatus;

/** A refusal the API answers as an RFC 9457 problem: its status, a short title, the detail, and every problem found. */
class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<String> problems;

    ApiProblem(HttpStatus status, String title, String detail, List<String> problems) {
        super(detail);
        this.status = status;
        this.title = title;
        this.problems = problems;
    }

    static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Bad request", detail, List.of());
    }

    static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", detail, List.of());
    }

    /** The request was understood but the state of the period refuses it (four eyes, frozen, no run, refused run). */
    static ApiProblem conflict(String title, List<String> problems) {
        return new ApiProblem(HttpStatus.CONFLICT, title, String.join("; ", problems), problems);
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }

    List<String> problems() {
        return problems;
    }
}
