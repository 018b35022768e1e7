package dev.attest.workflow;

import java.util.Date;
import java.util.Locale;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;

/**
 * What a model may ask of the engine's time and memory: how often a timer may repeat, how often and how many times
 * a failed job is retried, how many instances a multi-instance activity may create. The deployment guard applies
 * these to the literal values of a model; the engine applies the timer rule again to every cycle it computes
 * (a cycle can come from an expression), see {@link EngineHardening}.
 */
public final class ModelLimits {

    /** The shortest time between two firings of a repeating timer, and between two retries of a failed job. */
    public static final long MIN_REPEAT_MILLIS = 60_000;

    /** The most retries a model may ask for a failed job. */
    public static final int MAX_RETRIES = 20;

    /** The largest literal loop cardinality of a multi-instance activity. */
    public static final int MAX_INSTANCES = 100;

    /** The most {@code ${...}} / {@code #{...}} parts one expression text may hold. */
    public static final int MAX_EVALS = 10;

    /** The longest string a process variable may hold. */
    public static final int MAX_STRING = 100_000;

    private static final DatatypeFactory DATATYPES;

    static {
        try {
            DATATYPES = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ModelLimits() {
    }

    /**
     * Why the engine may not run a timer with this cycle, or null if it may: only an ISO 8601 repeating interval
     * without start or end dates ({@code R3/PT1H}, {@code R/P1D}) whose period is at least a minute; no cron
     * expressions (nor start dates, from which the engine counts its way to now one period at a time), nothing that
     * repeats faster.
     */
    public static String cycleProblem(String cycle) {
        if (cycle == null || cycle.isBlank()) {
            return "The timer cycle is empty";
        }
        String text = cycle.strip();
        String[] parts = text.split("/", -1);
        if (!parts[0].matches("R\\d*") || parts.length != 2) {
            return "A timer cycle must be an ISO 8601 repeating interval such as R3/PT1H (no cron expressions, no "
                    + "start or end dates): " + ModelExpressions.abbreviate(text);
        }
        return periodProblem(parts[1], "A timer may repeat at most once a minute");
    }

    /**
     * Why the engine may not wait for this timer duration, or null: a duration is a period ({@code PT1H}) of at least
     * a minute. A repeating interval with a start date in the past makes the engine count its way from that start to
     * now, one period at a time; a shorter wait in a loop turns it into a job that runs again and again without
     * pause. An expression is checked when the engine computes it.
     */
    public static String durationProblem(String duration) {
        String text = duration == null ? "" : duration.strip();
        if (text.startsWith("R")) {
            return "A timer duration is a period such as PT1H, not a repeating interval: "
                    + ModelExpressions.abbreviate(text);
        }
        if (text.contains("${") || text.contains("#{")) {
            return null;
        }
        return periodProblem(text, "A timer may wait no less than a minute (a shorter wait in a loop runs without "
                + "pause)");
    }

    /**
     * Why a failed job may not be retried on this schedule, or null if it may: a list of at most
     * {@link #MAX_RETRIES} periods ({@code PT1M,PT5M,PT15M}) or {@code R<n>/<period>} with n at most
     * {@link #MAX_RETRIES}; every period at least a minute.
     */
    public static String retryProblem(String cycle) {
        if (cycle == null || cycle.isBlank()) {
            return "The retry cycle is empty";
        }
        String text = cycle.strip();
        String tooFast = "A failed job may be retried at most once a minute";
        if (text.contains(",")) {
            String[] periods = text.split(",", -1);
            if (periods.length > MAX_RETRIES) {
                return "A failed job may be retried at most " + MAX_RETRIES + " times, not " + periods.length;
            }
            for (String period : periods) {
                String problem = periodProblem(period.strip(), tooFast);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        String[] parts = text.split("/", -1);
        if (parts.length != 2 || !parts[0].matches("R\\d{1,3}")) {
            return "Write the retries as R3/PT5M or as a list such as PT1M,PT5M,PT15M: "
                    + ModelExpressions.abbreviate(text);
        }
        int times = Integer.parseInt(parts[0].substring(1));
        if (times > MAX_RETRIES) {
            return "A failed job may be retried at most " + MAX_RETRIES + " times, not " + times;
        }
        return periodProblem(parts[1], tooFast);
    }

    /**
     * Why the engine may not evaluate this text, or null: text with many {@code ${...}} parts concatenates a variable
     * with itself ({@code ${x}${x}}), and a chain of mappings doing so doubles a string until the heap is full.
     */
    public static String evalsProblem(String text) {
        int evals = 0;
        for (int i = text.indexOf('{'); i > 0; i = text.indexOf('{', i + 1)) {
            char before = text.charAt(i - 1);
            if (before == '$' || before == '#') {
                evals++;
            }
        }
        return evals > MAX_EVALS ? "An expression may hold at most " + MAX_EVALS + " ${...} parts, not " + evals
                : null;
    }

    /** Why this is not a literal loop cardinality of at most {@link #MAX_INSTANCES}, or null. */
    public static String cardinalityProblem(String text) {
        String value = text == null ? "" : text.strip();
        if (!value.matches("\\d{1,9}") || Integer.parseInt(value) > MAX_INSTANCES) {
            return "A multi-instance activity may run at most " + MAX_INSTANCES + " times, written as a number "
                    + "(or use a collection): " + ModelExpressions.abbreviate(value);
        }
        return null;
    }

    private static String periodProblem(String period, String tooFast) {
        Duration duration;
        try {
            if (!period.startsWith("P") || period.toUpperCase(Locale.ROOT).contains("W")) {
                throw new IllegalArgumentException(period);
            }
            duration = DATATYPES.newDuration(period);
        } catch (RuntimeException e) {
            return "Not an ISO 8601 period: " + ModelExpressions.abbreviate(period);
        }
        if (duration.getTimeInMillis(new Date(0)) < MIN_REPEAT_MILLIS) {
            return tooFast + ", not every " + period;
        }
        return null;
    }
}
