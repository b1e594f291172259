package course.tcpudp;

/**
 * The retransmission timeout of RFC 6298. The first RTT sample R sets SRTT = R and
 * RTTVAR = R/2; each later one sets RTTVAR = (1 - BETA) RTTVAR + BETA |SRTT - R|, then
 * SRTT = (1 - ALPHA) SRTT + ALPHA R. RTO = SRTT + K * RTTVAR, kept between the minimum and
 * the maximum (the clock granularity G of the RFC is taken as 0; the minimum covers it).
 * Before any sample the RTO is the initial one; each timeout doubles it (backoff) up to the
 * maximum, until a new sample computes it afresh.
 */
public final class RtoEstimator {
    public static final double ALPHA = 1.0 / 8;
    public static final double BETA = 1.0 / 4;
    public static final int K = 4;

    private final double initialMillis;
    private final double minMillis;
    private final double maxMillis;
    // BEGIN SOLUTION
    private double srtt = -1;
    private double rttvar;
    private double rto;
    // END SOLUTION

    /** The RFC's own values: initial RTO 1 s, minimum 1 s, maximum 60 s. */
    public static RtoEstimator rfc6298() {
        return new RtoEstimator(1000, 1000, 60_000);
    }

    public RtoEstimator(double initialMillis, double minMillis, double maxMillis) {
        if (!(minMillis > 0 && minMillis <= maxMillis && initialMillis > 0)) {
            throw new IllegalArgumentException("need 0 < min <= max and initial > 0");
        }
        this.initialMillis = initialMillis;
        this.minMillis = minMillis;
        this.maxMillis = maxMillis;
        // BEGIN SOLUTION
        this.rto = clamp(initialMillis);
        // END SOLUTION
    }

    /** Takes one RTT measurement, in milliseconds (never from a retransmitted segment: Karn's rule). */
    public void sample(double rttMillis) {
        // BEGIN SOLUTION
        if (srtt < 0) {
            srtt = rttMillis;
            rttvar = rttMillis / 2;
        } else {
            rttvar = (1 - BETA) * rttvar + BETA * Math.abs(srtt - rttMillis);
            srtt = (1 - ALPHA) * srtt + ALPHA * rttMillis;
        }
        rto = clamp(srtt + K * rttvar);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 03.4): RFC 6298 section 2");
    }

    /** Doubles the RTO after a timeout, up to the maximum (RFC 6298 5.5). */
    public void backoff() {
        // BEGIN SOLUTION
        rto = clamp(rto * 2);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 03.4): back off");
    }

    /** The current retransmission timeout in milliseconds. */
    public double rtoMillis() {
        // BEGIN SOLUTION
        return rto;
        // END SOLUTION
        // STUB: return initialMillis;
    }

    /** The smoothed RTT, or -1 before the first sample. */
    public double srttMillis() {
        // BEGIN SOLUTION
        return srtt;
        // END SOLUTION
        // STUB: return -1;
    }

    /** The RTT variation, 0 before the first sample. */
    public double rttvarMillis() {
        // BEGIN SOLUTION
        return rttvar;
        // END SOLUTION
        // STUB: return 0;
    }

    private double clamp(double millis) {
        return Math.max(minMillis, Math.min(maxMillis, millis));
    }

    public double minMillis() {
        return minMillis;
    }

    public double maxMillis() {
        return maxMillis;
    }
}
