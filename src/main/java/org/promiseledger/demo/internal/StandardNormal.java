package org.promiseledger.demo.internal;

import java.util.SplittableRandom;

/**
 * Roughly standard-normal noise from four uniforms (Irwin–Hall, rescaled): plain arithmetic, so the same seed gives
 * the same numbers on every JVM, and cheap enough for millions of rows. Its tails stop at ±3.46, which suits
 * scores that are clamped to a scale anyway.
 */
final class StandardNormal {

    private static final double SCALE = Math.sqrt(3.0);

    private StandardNormal() {
    }

    static double draw(SplittableRandom random) {
        return (random.nextDouble() + random.nextDouble() + random.nextDouble() + random.nextDouble() - 2.0) * SCALE;
    }
}
