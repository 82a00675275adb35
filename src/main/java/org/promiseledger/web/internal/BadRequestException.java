package org.promiseledger.web.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The request cannot be acted on as sent (an empty query, a line that is not on the scorecard). */
@ResponseStatus(HttpStatus.BAD_REQUEST)
class BadRequestException extends RuntimeException {

    BadRequestException(String message) {
        super(message);
    }
}
