package dev.segmentagent.segment;

import java.util.List;

/**
 * A filter on an event's property, e.g. category in [shoes, apparel]. With op {@code in}/{@code notIn} the
 * {@code values} list is used; otherwise {@code value}.
 */
public record PropertyFilter(String property, FilterOp op, Literal value, List<Literal> values) {

    public PropertyFilter {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public enum FilterOp {
        @com.fasterxml.jackson.annotation.JsonProperty("=") EQ,
        @com.fasterxml.jackson.annotation.JsonProperty("!=") NE,
        @com.fasterxml.jackson.annotation.JsonProperty(">") GT,
        @com.fasterxml.jackson.annotation.JsonProperty(">=") GTE,
        @com.fasterxml.jackson.annotation.JsonProperty("<") LT,
        @com.fasterxml.jackson.annotation.JsonProperty("<=") LTE,
        @com.fasterxml.jackson.annotation.JsonProperty("in") IN,
        @com.fasterxml.jackson.annotation.JsonProperty("notIn") NOT_IN
    }
}
