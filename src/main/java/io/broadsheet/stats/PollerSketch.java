package io.broadsheet.stats;

/**
 * The distinct pollers of one feed on one day, as a HyperLogLog sketch of their salted hashes: {@value #REGISTERS}
 * one-byte registers whatever the number of pollers, an estimate within about 1.6 % (exact in practice for the few
 * dozen pollers of a small feed), and sketches of several instances merge into the sketch of their union.
 * Spec: Flajolet et al., "HyperLogLog: the analysis of a near-optimal cardinality estimation algorithm" (2007),
 * with linear counting below 2.5 m as the paper gives it.
 */
final class PollerSketch {

    private static final int BITS = 12;
    static final int REGISTERS = 1 << BITS;
    private static final double ALPHA = 0.7213 / (1 + 1.079 / REGISTERS);

    private final byte[] registers;
    /** Whether a poller changed a register since {@link #takeChanged()} last looked. */
    private boolean changed;

    PollerSketch() {
        this(new byte[REGISTERS]);
    }

    private PollerSketch(byte[] registers) {
        this.registers = registers;
    }

    /** A sketch read back from {@link #bytes()}; an empty one when the bytes are not a sketch of this size. */
    static PollerSketch of(byte[] bytes) {
        return new PollerSketch(bytes != null && bytes.length == REGISTERS ? bytes.clone() : new byte[REGISTERS]);
    }

    /** Adds a poller by its 64-bit hash (already uniformly spread: the first 8 bytes of a SHA-256). */
    synchronized void add(long hash) {
        int index = (int) (hash >>> (64 - BITS));
        byte rank = (byte) (Long.numberOfLeadingZeros((hash << BITS) | (1L << (BITS - 1))) + 1);
        if (registers[index] < rank) {
            registers[index] = rank;
            changed = true;
        }
    }

    /** True once after pollers changed the sketch: it is to be written again. */
    synchronized boolean takeChanged() {
        boolean was = changed;
        changed = false;
        return was;
    }

    /** Marks the sketch as still to be written (its write failed). */
    synchronized void markChanged() {
        changed = true;
    }

    /** Adds every poller of another sketch. */
    synchronized void merge(PollerSketch other) {
        byte[] theirs = other.bytes();
        for (int i = 0; i < REGISTERS; i++) {
            if (registers[i] < theirs[i]) {
                registers[i] = theirs[i];
            }
        }
    }

    synchronized boolean isEmpty() {
        for (byte r : registers) {
            if (r != 0) {
                return false;
            }
        }
        return true;
    }

    /** The estimated number of distinct pollers. */
    synchronized long estimate() {
        double sum = 0;
        int zeros = 0;
        for (byte r : registers) {
            sum += 1.0 / (1L << r);
            if (r == 0) {
                zeros++;
            }
        }
        double raw = ALPHA * REGISTERS * REGISTERS / sum;
        if (raw <= 2.5 * REGISTERS && zeros > 0) {
            return Math.round(REGISTERS * Math.log((double) REGISTERS / zeros));
        }
        return Math.round(raw);
    }

    synchronized byte[] bytes() {
        return registers.clone();
    }

    @Override
    public synchronized String toString() {
        return "PollerSketch[~" + estimate() + "]";
    }
}
