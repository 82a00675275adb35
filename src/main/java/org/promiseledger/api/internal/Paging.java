package org.promiseledger.api.internal;

import java.util.List;

/**
 * A list answered whole (a JSON array) or, when the caller asks with {@code page} and/or {@code size}, one page of it
 * with the totals a client needs to fetch the rest.
 */
final class Paging {

    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 1000;

    /** One page: items of page {@code page} (from 0) of {@code size}, out of {@code totalElements}. */
    record Page<T>(List<T> content, int page, int size, long totalElements, long totalPages) {
    }

    private Paging() {
    }

    static boolean asked(Integer page, Integer size) {
        return page != null || size != null;
    }

    static int page(Integer page) {
        int p = page == null ? 0 : page;
        if (p < 0) {
            throw ApiProblem.badRequest("page must be 0 or more, was " + p);
        }
        return p;
    }

    static int size(Integer size) {
        int s = size == null ? DEFAULT_SIZE : size;
        if (s < 1 || s > MAX_SIZE) {
            throw ApiProblem.badRequest("size must be 1.." + MAX_SIZE + ", was " + s);
        }
        return s;
    }

    static <T> Object of(List<T> all, Integer page, Integer size) {
        if (!asked(page, size)) {
            return all;
        }
        int p = page(page);
        int s = size(size);
        long from = Math.min((long) p * s, all.size());
        long to = Math.min(from + s, all.size());
        return new Page<>(all.subList((int) from, (int) to), p, s, all.size(), (all.size() + s - 1) / s);
    }
}
