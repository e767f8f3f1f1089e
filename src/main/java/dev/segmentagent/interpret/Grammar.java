package dev.segmentagent.interpret;

import dev.segmentagent.segment.ComparisonOp;
import dev.segmentagent.segment.TimeWindow;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small grammar the planner shares between matchers: regex fragments (non-capturing, so they can be
 * embedded anywhere) for negations, comparators, numbers and time windows, and the functions that read them.
 */
final class Grammar {

    private Grammar() {
    }

    static final String NEG = "(?:have not|has not|had not|did not|do not|does not|are not|is not|never|not|"
            + "without|no|cannot)";
    static final String COMP = "(?:more than|greater than|higher than|over|above|in excess of|at least|"
            + "no less than|minimum of|less than|fewer than|lower than|under|below|at most|no more than|up to|"
            + "maximum of|exactly|equal to)";
    static final String NUM = "(?:\\d+(?:\\.\\d+)?)";
    static final String MONEY = "(?:eur|euros?)";
    private static final String UNIT = "(?:days?|weeks?|months?|quarters?|years?)";
    private static final String MONTHS = "(?:january|february|march|april|may|june|july|august|september|october|"
            + "november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)";
    /** A time window phrase: "in the last 90 days", "this year", "since march", "in 6 months". */
    static final String WINDOW = "(?:(?:(?:in|within|during|over|for)\\s+)?(?:the\\s+)?(?:last|past|previous)\\s+"
            + "(?:\\d+\\s+)?" + UNIT + "|(?:in|within|for)\\s+\\d+\\s+" + UNIT + "|(?:during\\s+|in\\s+)?this\\s+"
            + "(?:week|month|quarter|year)|since\\s+(?:the\\s+)?(?:start\\s+of\\s+)?(?:" + MONTHS
            + "|\\d{4}\\s*\\d{2}\\s*\\d{2}|\\d{4}))";

    private static final Pattern WINDOW_PARTS = Pattern.compile(
            "(?:last|past|previous)\\s+(?:(?<n>\\d+)\\s+)?(?<u>" + UNIT + ")|(?:in|within|for)\\s+(?<n2>\\d+)\\s+(?<u2>"
                    + UNIT + ")|this\\s+(?<this>week|month|quarter|year)|since\\s+(?:the\\s+)?(?:start\\s+of\\s+)?"
                    + "(?:(?<mon>" + MONTHS + ")|(?<date>\\d{4})\\s*(?<dm>\\d{2})\\s*(?<dd>\\d{2})|(?<year>\\d{4}))");

    /** Days of a unit: months are 30 days, quarters 90, years 365 (the catalog's windows use the same). */
    static int days(int n, String unit) {
        String u = unit.replaceAll("s$", "");
        return switch (u) {
            case "day" -> n;
            case "week" -> 7 * n;
            case "month" -> 30 * n;
            case "quarter" -> 90 * n;
            case "year" -> 365 * n;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }

    /** A window phrase as a definition window, calendar phrases resolved against the data's as-of instant. */
    static TimeWindow window(String phrase, Instant asOf) {
        Matcher m = WINDOW_PARTS.matcher(phrase);
        if (!m.find()) {
            throw new IllegalArgumentException("not a time window: " + phrase);
        }
        LocalDate today = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
        if (m.group("u") != null) {
            return TimeWindow.lastDays(days(m.group("n") == null ? 1 : Integer.parseInt(m.group("n")), m.group("u")));
        }
        if (m.group("u2") != null) {
            return TimeWindow.lastDays(days(Integer.parseInt(m.group("n2")), m.group("u2")));
        }
        if (m.group("this") != null) {
            return switch (m.group("this")) {
                case "week" -> TimeWindow.lastDays(7);
                case "month" -> TimeWindow.lastDays(30);
                case "quarter" -> TimeWindow.lastDays(90);
                default -> new TimeWindow(null, today.withDayOfYear(1), null);
            };
        }
        if (m.group("mon") != null) {
            Month month = month(m.group("mon"));
            LocalDate start = today.withMonth(month.getValue()).withDayOfMonth(1);
            return new TimeWindow(null, start.isAfter(today) ? start.minusYears(1) : start, null);
        }
        if (m.group("date") != null) {
            return new TimeWindow(null, LocalDate.of(Integer.parseInt(m.group("date")),
                    Integer.parseInt(m.group("dm")), Integer.parseInt(m.group("dd"))), null);
        }
        return new TimeWindow(null, LocalDate.of(Integer.parseInt(m.group("year")), 1, 1), null);
    }

    /** Whole days a window covers back from as-of (for choosing a windowed feature). */
    static Integer lastDaysOf(TimeWindow window) {
        return window == null ? null : window.lastDays();
    }

    static String describe(TimeWindow window) {
        if (window == null) {
            return "all time";
        }
        return window.lastDays() != null ? "the last " + window.lastDays() + " days" : "since " + window.from();
    }

    private static Month month(String word) {
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).startsWith(word.substring(0, 3))) {
                return month;
            }
        }
        throw new IllegalArgumentException("unknown month " + word);
    }

    static ComparisonOp op(String comparator) {
        String c = comparator.trim();
        if (c.matches("more than|greater than|higher than|over|above|in excess of")) {
            return ComparisonOp.GT;
        }
        if (c.matches("at least|no less than|minimum of")) {
            return ComparisonOp.GTE;
        }
        if (c.matches("less than|fewer than|lower than|under|below")) {
            return ComparisonOp.LT;
        }
        if (c.matches("at most|no more than|up to|maximum of")) {
            return ComparisonOp.LTE;
        }
        if (c.matches("exactly|equal to")) {
            return ComparisonOp.EQ;
        }
        throw new IllegalArgumentException("unknown comparator " + comparator);
    }

    /** "or more" / "or less" after a number. */
    static ComparisonOp postfix(String word) {
        return word.startsWith("or more") ? ComparisonOp.GTE : ComparisonOp.LTE;
    }

    static BigDecimal number(String digits) {
        return new BigDecimal(digits);
    }

    static ComparisonOp negate(ComparisonOp op) {
        return switch (op) {
            case GT -> ComparisonOp.LTE;
            case GTE -> ComparisonOp.LT;
            case LT -> ComparisonOp.GTE;
            case LTE -> ComparisonOp.GT;
            case EQ -> ComparisonOp.NE;
            case NE -> ComparisonOp.EQ;
            case CONTAINS -> throw new IllegalArgumentException("contains has no negation");
        };
    }
}
