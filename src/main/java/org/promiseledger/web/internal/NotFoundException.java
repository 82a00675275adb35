package org.promiseledger.web.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Nothing to show at this address (no calculated run of the period, no such department or query). */
@ResponseStatus(HttpStatus.NOT_FOUND)
class NotFoundException extends RuntimeException {

    NotFoundException(String message) {
        super(message);
    }
}
