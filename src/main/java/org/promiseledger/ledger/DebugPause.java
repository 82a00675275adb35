package org.promiseledger.ledger;

/**
 * Lets the crash tests stop a real run at a named point (PROMISE_LEDGER_PAUSE_AT=scoring|writing) so they can kill
 * it there with SIGKILL. Unset — as always outside those tests — it does nothing.
 */
public final class DebugPause {

    private static final String POINT = System.getenv("PROMISE_LEDGER_PAUSE_AT");

    private DebugPause() {
    }

    public static void at(String point) {
        if (point.equals(POINT)) {
            System.out.println("PAUSED AT " + point);
            System.out.flush();
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
