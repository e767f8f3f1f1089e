package dev.segmentagent.segment;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static dev.segmentagent.segment.DefinitionFormatException.Code.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class SegmentJsonTest {

    public static final String FULL = """
            {"name":"All node types","description":"every node","condition":{"type":"and","conditions":[
              {"type":"compare","field":"orders_90d","op":">=","value":3},
              {"type":"between","field":"age","low":25,"high":34},
              {"type":"in","field":"country","values":["DE","FR"]},
              {"type":"isNull","field":"last_order_at"},
              {"type":"not","condition":{"type":"compare","field":"city","op":"contains","value":"ber"}},
              {"type":"event","event":"purchased_item","did":false,"where":[{"property":"category","op":"=","value":"shoes"}],
               "window":{"lastDays":90},"count":{"op":">=","value":2},"sum":{"measure":"spend","op":">=","value":100}},
              {"type":"event","event":"purchase","where":[{"property":"channel","op":"in","values":["web","app"]}],
               "window":{"from":"2025-01-01","to":"2025-04-01"}},
              {"type":"score","model":"churn","op":">=","value":0.7},
              {"type":"score","model":"churn","tier":"high"},
              {"type":"cluster","model":"behaviour","cluster":"Weekend discount hunters"},
              {"type":"or","conditions":[{"type":"inSegment","segment":"seg-1"},{"type":"compare","field":"email_consent","op":"=","value":true}]}
            ]}}""";

    @Test
    void parses_every_node_type_into_the_ast() {
        SegmentDefinition d = SegmentJson.parse(FULL);

        Condition.And and = (Condition.And) d.condition();
        assertThat(and.conditions()).hasSize(11);
        assertThat(and.conditions().get(0)).isEqualTo(new Condition.Compare("orders_90d", ComparisonOp.GTE, Literal.of(3)));
        Condition.Event e = (Condition.Event) and.conditions().get(5);
        assertThat(e.did()).isFalse();
        assertThat(e.window()).isEqualTo(TimeWindow.lastDays(90));
        assertThat(e.count()).isEqualTo(new CountThreshold(ComparisonOp.GTE, 2L));
        assertThat(e.sum()).isEqualTo(new SumThreshold("spend", ComparisonOp.GTE, 100.0));
        assertThat(((Condition.Event) and.conditions().get(6)).window())
                .isEqualTo(new TimeWindow(null, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 1)));
        assertThat(and.conditions().get(8)).isEqualTo(new Condition.Score("churn", null, null, "high"));
    }

    @Test
    void canonical_json_round_trips_to_an_equal_definition() {
        SegmentDefinition d = SegmentJson.parse(FULL);

        String canonical = SegmentJson.toJson(d);

        assertThat(SegmentJson.parse(canonical)).isEqualTo(d);
        assertThat(SegmentJson.toJson(SegmentJson.parse(canonical))).isEqualTo(canonical);
        assertThat(canonical).contains("\"did\":true").contains("{\"type\":\"compare\",\"field\":\"orders_90d\",\"op\":\">=\",\"value\":3}");
    }

    @Test
    void numbers_are_big_decimals_normalised_so_3_and_3_0_are_equal() {
        Condition a = SegmentJson.parse(def("{\"type\":\"compare\",\"field\":\"x\",\"op\":\"=\",\"value\":3.0}")).condition();
        Condition b = SegmentJson.parse(def("{\"type\":\"compare\",\"field\":\"x\",\"op\":\"=\",\"value\":3}")).condition();
        Condition c = SegmentJson.parse(def("{\"type\":\"compare\",\"field\":\"x\",\"op\":\"=\",\"value\":0.1}")).condition();

        assertThat(a).isEqualTo(b);
        assertThat(((Literal.Number) ((Condition.Compare) c).value()).value()).isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void rejects_unknown_node_type_naming_path_and_allowed_types() {
        String json = def("{\"type\":\"and\",\"conditions\":[{\"type\":\"isNull\",\"field\":\"x\"},{\"type\":\"fuzzy\"}]}");

        assertThatThrownBy(() -> SegmentJson.parse(json))
                .isInstanceOfSatisfying(DefinitionFormatException.class, e -> {
                    assertThat(e.code()).isEqualTo(UNKNOWN_NODE_TYPE);
                    assertThat(e.path()).isEqualTo("$.condition.conditions[1].type");
                })
                .hasMessage("$.condition.conditions[1].type: unknown node type 'fuzzy'; expected one of and, or, not, "
                        + "compare, between, in, isNull, event, score, cluster, inSegment");
    }

    @Test
    void rejects_unknown_property_naming_it_and_the_path() {
        String json = def("{\"type\":\"compare\",\"field\":\"x\",\"op\":\"=\",\"value\":1,\"unit\":\"EUR\"}");

        assertThatThrownBy(() -> SegmentJson.parse(json))
                .isInstanceOfSatisfying(DefinitionFormatException.class, e -> {
                    assertThat(e.code()).isEqualTo(UNKNOWN_PROPERTY);
                    assertThat(e.path()).isEqualTo("$.condition.unit");
                    assertThat(e.detail()).contains("unknown property 'unit'").contains("allowed: type, field, op, value");
                });
    }

    @Test
    void an_unnamed_draft_parses_and_writes_back_without_a_name() {
        SegmentDefinition draft = SegmentJson.parse("{\"condition\":{\"type\":\"isNull\",\"field\":\"x\"}}");

        assertThat(draft.name()).isNull();
        assertThat(SegmentJson.toJson(draft)).doesNotContain("name");
    }

    @Test
    void rejects_wrong_json_types_missing_properties_and_non_scalar_literals() {
        assertFormat(def("{\"type\":\"compare\",\"field\":\"x\",\"op\":\"=\",\"value\":null}"), WRONG_JSON_TYPE, "$.condition.value");
        assertFormat(def("{\"type\":\"compare\",\"field\":\"x\",\"op\":\"=\",\"value\":{\"a\":1}}"), WRONG_JSON_TYPE, "$.condition.value");
        assertFormat(def("{\"type\":\"in\",\"field\":\"x\",\"values\":[\"a\",[1]]}"), WRONG_JSON_TYPE, "$.condition.values[1]");
        assertFormat(def("{\"type\":\"compare\",\"field\":7,\"op\":\"=\",\"value\":1}"), WRONG_JSON_TYPE, "$.condition.field");
        assertFormat(def("{\"type\":\"compare\",\"field\":\"x\",\"value\":1}"), MISSING_PROPERTY, "$.condition.op");
        assertFormat(def("{\"field\":\"x\"}"), MISSING_PROPERTY, "$.condition.type");
        assertFormat("{\"name\":\"  \",\"condition\":{\"type\":\"isNull\",\"field\":\"x\"}}", INVALID_VALUE, "$.name");
        assertFormat(def("{\"type\":\"compare\",\"field\":\"x\",\"op\":\"~\",\"value\":1}"), INVALID_VALUE, "$.condition.op");
        assertFormat(def("{\"type\":\"event\",\"event\":\"purchase\",\"count\":{\"op\":\">=\",\"value\":1.5}}"), WRONG_JSON_TYPE, "$.condition.count.value");
        assertFormat(def("{\"type\":\"event\",\"event\":\"purchase\",\"window\":{\"from\":\"2024-02-30\"}}"), INVALID_VALUE, "$.condition.window.from");
        assertFormat(def("{\"type\":\"event\",\"event\":\"purchase\",\"window\":{\"lastDays\":9,\"to\":\"2024-02-01\"}}"), INVALID_VALUE, "$.condition.window");
        assertFormat(def("{\"type\":\"event\",\"event\":\"e\",\"where\":[{\"property\":\"p\",\"op\":\"in\",\"value\":\"a\"}]}"), UNKNOWN_PROPERTY, "$.condition.where[0].value");
        assertFormat(def("{\"type\":\"score\",\"model\":\"churn\",\"op\":\">=\",\"value\":0.5,\"tier\":\"high\"}"), INVALID_VALUE, "$.condition");
        assertFormat(def("{\"type\":\"score\",\"model\":\"churn\",\"op\":\"contains\",\"value\":0.5}"), INVALID_VALUE, "$.condition.op");
        assertFormat("{\"name\":\"a\",\"name\":\"b\"}", MALFORMED_JSON, "$");
        assertFormat("{\"name\":\"a\"} {}", MALFORMED_JSON, "$");
    }

    @Test
    void rejects_nan_infinity_and_absurd_magnitudes() {
        assertFormat(def("{\"type\":\"compare\",\"field\":\"x\",\"op\":\"=\",\"value\":NaN}"), MALFORMED_JSON, "$");
        assertFormat(def("{\"type\":\"compare\",\"field\":\"x\",\"op\":\"=\",\"value\":1e16}"), NUMBER_OUT_OF_RANGE, "$.condition.value");
        assertFormat(def("{\"type\":\"compare\",\"field\":\"x\",\"op\":\"=\",\"value\":-1000000000000001}"), NUMBER_OUT_OF_RANGE, "$.condition.value");
        assertFormat(def("{\"type\":\"compare\",\"field\":\"x\",\"op\":\"=\",\"value\":1e-30}"), NUMBER_OUT_OF_RANGE, "$.condition.value");
        var tree = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        tree.put("name", "n");
        tree.putObject("condition").put("type", "compare").put("field", "x").put("op", "=").put("value", Double.NaN);
        assertThatThrownBy(() -> SegmentJson.parse(tree)).isInstanceOfSatisfying(DefinitionFormatException.class,
                e -> assertThat(e.code()).isEqualTo(NUMBER_OUT_OF_RANGE));
    }

    @Test
    void enforces_documented_limits() {
        assertFormat(def(nested(13)), TOO_DEEP, "$.condition" + ".conditions[0]".repeat(12));
        assertThat(SegmentJson.parse(def(nested(12))).condition()).isInstanceOf(Condition.And.class);
        String many = "{\"type\":\"or\",\"conditions\":[" + String.join(",", java.util.Collections.nCopies(200,
                "{\"type\":\"isNull\",\"field\":\"x\"}")) + "]}";
        assertFormat(def(many), TOO_MANY_NODES, "$.condition.conditions[199]");
        assertFormat(def("{\"type\":\"isNull\",\"field\":\"" + "x".repeat(501) + "\"}"), STRING_TOO_LONG, "$.condition.field");
        String values = String.join(",", java.util.Collections.nCopies(1001, "1"));
        assertFormat(def("{\"type\":\"in\",\"field\":\"x\",\"values\":[" + values + "]}"), TOO_MANY_VALUES, "$.condition.values");
        String huge = String.join(",", java.util.Collections.nCopies(100_000, "1"));
        assertFormat(def("{\"type\":\"in\",\"field\":\"x\",\"values\":[" + huge + "]}"), INPUT_TOO_LARGE, "$");
        assertFormat(def("{\"type\":\"isNull\",\"field\":\"a\\u0000b\"}"), CONTROL_CHARACTER, "$.condition.field");
    }

    @Test
    void jackson_binds_literals_as_bare_scalars() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();

        String json = mapper.writeValueAsString(List.of(Literal.of("a"), Literal.of(2.5), Literal.of(true)));

        assertThat(json).isEqualTo("[\"a\",2.5,true]");
        assertThat(mapper.readValue("7", Literal.class)).isEqualTo(Literal.of(7));
    }

    static String nested(int levels) {
        String inner = "{\"type\":\"isNull\",\"field\":\"x\"}";
        for (int i = 1; i < levels; i++) {
            inner = "{\"type\":\"and\",\"conditions\":[" + inner + "]}";
        }
        return inner;
    }

    public static String def(String condition) {
        return "{\"name\":\"t\",\"condition\":" + condition + "}";
    }

    static void assertFormat(String json, DefinitionFormatException.Code code, String path) {
        assertThatThrownBy(() -> SegmentJson.parse(json)).isInstanceOfSatisfying(DefinitionFormatException.class, e -> {
            assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
            assertThat(e.path()).as(e.getMessage()).isEqualTo(path);
        });
    }
}
