package org.promiseledger.demo.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.SplittableRandom;

import org.promiseledger.demo.internal.BadRows.Flaw;

/**
 * The reference workload's customer-event files, streamed row by row: surveys, contacts, complaints and churn.
 * Rows are in time order, spread evenly over the quarter; one in ten is stamped at +02:00 (the branch systems),
 * the rest in UTC with {@code Z}. A survey's three answers come from one latent "how did it go" score around the
 * touchpoint's quality, so NPS, CSAT and effort move together, as they do in real feedback.
 */
public final class ReferenceCustomerFeeds {

    private static final byte[] RESPONSE = ascii("RSP-");
    private static final byte[] CONTACT = ascii("CON-");
    private static final byte[] COMPLAINT = ascii("CMP-");
    private static final byte[] TOUCHPOINT = ascii("T");
    private static final int TOUCHPOINT_WIDTH = 4;
    private static final int CENTRAL_EUROPE = 2 * 3600;
    /** Every so often a leaver closes a second product and appears in churn.csv again (allowed; counted once). */
    private static final long REPEATED_CHURN_EVERY = 2_000;

    /** Writes the fields of data row i, whose row has been begun. */
    @FunctionalInterface
    private interface RowFields {
        void write(CsvLineWriter out, long i);
    }

    private final QuarterStamps stamps;
    private final ReferenceTouchpoints touchpoints;
    private final ReferenceCustomers customers;

    public ReferenceCustomerFeeds(QuarterStamps stamps, ReferenceTouchpoints touchpoints, ReferenceCustomers customers) {
        this.stamps = stamps;
        this.touchpoints = touchpoints;
        this.customers = customers;
    }

    /** surveys.csv: response_id, customer_id, touchpoint_id, responded_at, nps, csat, effort. */
    public long surveys(Path file, long rows, SplittableRandom random) throws IOException {
        int width = idWidth(rows);
        return write(file, ContractFile.SURVEYS, rows, (out, i) -> {
            long at = stamps.spread(i, rows, random);
            int touchpoint = touchpoints.pick(random);
            long customer = customers.customerAt(touchpoints.ownerFacing(touchpoint), random);
            double experience = touchpoints.quality(touchpoint) + StandardNormal.draw(random);
            int nps = score(7.0 + 2.0 * experience + 0.6 * StandardNormal.draw(random), 0, 10);
            int csat = score(3.55 + 0.9 * experience + 0.5 * StandardNormal.draw(random), 1, 5);
            int effort = score(3.5 - 0.8 * experience + 0.8 * StandardNormal.draw(random), 1, 7);
            // Customers skip questions (effort most often), but a response with no answer is never sent.
            boolean skipNps = random.nextInt(100) < 6;
            boolean skipCsat = random.nextInt(100) < 10;
            boolean skipEffort = random.nextInt(100) < 30;
            if (skipNps && skipCsat && skipEffort) {
                skipNps = false;
            }
            event(out, RESPONSE, i, width, customer, touchpoint, at, random);
            answer(out, skipNps, nps);
            answer(out, skipCsat, csat);
            answer(out, skipEffort, effort);
        });
    }

    /** contacts.csv: contact_id, customer_id, touchpoint_id, opened_at, first_contact_resolved. */
    public long contacts(Path file, long rows, SplittableRandom random) throws IOException {
        int width = idWidth(rows);
        return write(file, ContractFile.CONTACTS, rows, (out, i) -> {
            long at = stamps.spread(i, rows, random);
            int touchpoint = touchpoints.pick(random);
            long customer = customers.customerAt(touchpoints.ownerFacing(touchpoint), random);
            boolean resolved = random.nextDouble() < touchpoints.firstContactResolution(touchpoint);
            event(out, CONTACT, i, width, customer, touchpoint, at, random);
            out.flag(resolved);
        });
    }

    /** complaints.csv: complaint_id, customer_id, touchpoint_id, raised_at, severity, upheld. */
    public long complaints(Path file, long rows, SplittableRandom random) throws IOException {
        int width = idWidth(rows);
        return write(file, ContractFile.COMPLAINTS, rows, (out, i) -> {
            long at = stamps.spread(i, rows, random);
            int touchpoint = touchpoints.pick(random);
            long customer = customers.customerAt(touchpoints.ownerFacing(touchpoint), random);
            int roll = random.nextInt(100);
            int severity = roll < 60 ? 1 : roll < 90 ? 2 : 3;
            // Serious complaints are more often upheld, and so are complaints where the experience is poor.
            double upheldShare = 0.42 - 0.1 * (touchpoints.quality(touchpoint) - 0.55) + (severity == 3 ? 0.12 : 0);
            boolean upheld = random.nextDouble() < upheldShare;
            event(out, COMPLAINT, i, width, customer, touchpoint, at, random);
            out.number(severity).flag(upheld);
        });
    }

    /**
     * churn.csv: customer_id, churned_at, last_touchpoint_id. Leavers are distinct customers, apart from the odd
     * repeat; the last touchpoint is mostly one of the leaver's home department, drawn towards busy touchpoints with
     * a poor experience. Returns who left, for customers.csv.
     */
    public BitSet churn(Path file, long rows, SplittableRandom random) throws IOException {
        BitSet churned = new BitSet((int) customers.count());
        long[] previous = {-1, -1};
        write(file, ContractFile.CHURN, rows, (out, i) -> {
            long at = stamps.spread(i, rows, random);
            long customer = previous[0];
            int touchpoint = (int) previous[1];
            if (customer < 0 || i % REPEATED_CHURN_EVERY != REPEATED_CHURN_EVERY - 1) {
                do {
                    customer = random.nextLong(customers.count());
                } while (churned.get((int) customer));
                churned.set((int) customer);
                touchpoint = random.nextInt(100) < 99 ? touchpoints.lastSeen(customers.homeOf(customer), random)
                        : touchpoints.pick(random);
                previous[0] = customer;
                previous[1] = touchpoint;
            }
            out.id(ReferenceCustomers.PREFIX, customer + 1, ReferenceCustomers.WIDTH);
            stamps.write(out, at, offset(random));
            out.id(TOUCHPOINT, touchpoint + 1, TOUCHPOINT_WIDTH);
        });
        return churned;
    }

    private void event(CsvLineWriter out, byte[] prefix, long i, int width, long customer, int touchpoint, long at,
            SplittableRandom random) {
        out.id(prefix, i + 1, width).id(ReferenceCustomers.PREFIX, customer + 1, ReferenceCustomers.WIDTH)
                .id(TOUCHPOINT, touchpoint + 1, TOUCHPOINT_WIDTH);
        stamps.write(out, at, offset(random));
    }

    /**
     * Streams the rows; where a deliberate bad row is due, the row just generated is taken back and written spoiled,
     * or replaced by a second delivery of the row before it (same id, same content).
     */
    private long write(Path file, ContractFile kind, long rows, RowFields fields) throws IOException {
        ReferenceFaults faults = new ReferenceFaults(kind, rows, stamps.quarter());
        String[] previous = null;
        try (CsvLineWriter out = new CsvLineWriter(file, kind.header())) {
            for (long i = 0; i < rows; i++) {
                out.begin();
                fields.write(out, i);
                out.end();
                if (faults.isDue(i)) {
                    Flaw flaw = faults.take();
                    String[] generated = out.takeBack();
                    out.row(flaw.isRedelivery() ? previous : flaw.spoil().apply(generated));
                } else if (faults.isRedeliveryDue(i + 1)) {
                    previous = out.lastRow();
                }
            }
            return out.rows();
        }
    }

    private static void answer(CsvLineWriter out, boolean skipped, int score) {
        if (skipped) {
            out.empty();
        } else {
            out.number(score);
        }
    }

    private static int offset(SplittableRandom random) {
        return random.nextInt(10) == 0 ? CENTRAL_EUROPE : 0;
    }

    private static int score(double value, int low, int high) {
        return (int) Math.max(low, Math.min(high, Math.round(value)));
    }

    /** Ids are zero-padded to eight digits, more if the file needs them. */
    private static int idWidth(long rows) {
        return Math.max(8, Long.toString(rows).length());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
