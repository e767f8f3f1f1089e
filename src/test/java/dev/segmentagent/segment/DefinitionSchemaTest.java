package dev.segmentagent.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON Schema shown to the LLM and the parser agree: what one accepts the other accepts. */
public class DefinitionSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static JsonSchema schema() {
        try (InputStream in = DefinitionSchemaTest.class.getResourceAsStream("/segment/definition.schema.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void accepts_the_full_example_that_the_parser_accepts() throws Exception {
        JsonNode tree = JSON.readTree(SegmentJsonTest.FULL);

        assertThat(schema().validate(tree)).isEmpty();
        assertThat(SegmentJson.parse(tree)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"fuzzy\"}",
            "{\"type\":\"compare\",\"field\":\"x\",\"op\":\"=\",\"value\":1,\"unit\":\"EUR\"}",
            "{\"type\":\"compare\",\"field\":\"x\",\"op\":\"=\",\"value\":null}",
            "{\"type\":\"compare\",\"field\":\"x\",\"op\":\"=\",\"value\":[1]}",
            "{\"type\":\"compare\",\"field\":\"x\",\"op\":\"=\",\"value\":{\"v\":1}}",
            "{\"type\":\"compare\",\"field\":\"x\",\"op\":\"~\",\"value\":1}",
            "{\"type\":\"compare\",\"field\":\"x\",\"value\":1}",
            "{\"type\":\"compare\",\"field\":7,\"op\":\"=\",\"value\":1}",
            "{\"type\":\"compare\",\"field\":\"x\",\"op\":\"=\",\"value\":1e16}",
            "{\"type\":\"compare\",\"field\":\"x\\u0000\",\"op\":\"=\",\"value\":1}",
            "{\"type\":\"between\",\"field\":\"x\",\"low\":1}",
            "{\"type\":\"in\",\"field\":\"x\",\"values\":[]}",
            "{\"type\":\"in\",\"field\":\"x\",\"values\":\"DE\"}",
            "{\"type\":\"isNull\"}",
            "{\"type\":\"not\",\"conditions\":[]}",
            "{\"type\":\"and\",\"conditions\":{}}",
            "{\"type\":\"and\",\"conditions\":[{\"type\":\"nope\"}]}",
            "{\"type\":\"event\",\"event\":\"e\",\"did\":\"no\"}",
            "{\"type\":\"event\",\"event\":\"e\",\"window\":{\"lastDays\":5,\"from\":\"2024-01-01\"}}",
            "{\"type\":\"event\",\"event\":\"e\",\"window\":{}}",
            "{\"type\":\"event\",\"event\":\"e\",\"window\":{\"from\":\"01/02/2024\"}}",
            "{\"type\":\"event\",\"event\":\"e\",\"window\":{\"lastDays\":1.5}}",
            "{\"type\":\"event\",\"event\":\"e\",\"count\":{\"op\":\">=\"}}",
            "{\"type\":\"event\",\"event\":\"e\",\"count\":{\"op\":\"contains\",\"value\":1}}",
            "{\"type\":\"event\",\"event\":\"e\",\"sum\":{\"op\":\">=\",\"value\":1}}",
            "{\"type\":\"event\",\"event\":\"e\",\"where\":[{\"property\":\"p\",\"op\":\"in\",\"value\":\"a\"}]}",
            "{\"type\":\"event\",\"event\":\"e\",\"where\":[{\"property\":\"p\",\"op\":\"=\",\"values\":[\"a\"]}]}",
            "{\"type\":\"event\",\"event\":\"e\",\"where\":[{\"property\":\"p\",\"op\":\"like\",\"value\":\"a\"}]}",
            "{\"type\":\"score\",\"model\":\"m\"}",
            "{\"type\":\"score\",\"model\":\"m\",\"op\":\">\",\"value\":0.5,\"tier\":\"high\"}",
            "{\"type\":\"score\",\"model\":\"m\",\"op\":\">\"}",
            "{\"type\":\"cluster\",\"model\":\"m\"}",
            "{\"type\":\"inSegment\",\"segment\":5}"
    })
    void rejects_in_schema_and_parser_alike(String condition) throws Exception {
        String json = SegmentJsonTest.def(condition);
        Set<ValidationMessage> messages = schema().validate(JSON.readTree(json));

        assertThat(messages).as("schema accepted %s", json).isNotEmpty();
        assertThatThrownBy(() -> SegmentJson.parse(json)).isInstanceOf(DefinitionFormatException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"name\":\"n\"}",
            "{\"name\":\"n\",\"description\":\"line one\\nline two\",\"condition\":{\"type\":\"isNull\",\"field\":\"x\"}}",
            "{\"name\":\"n\",\"condition\":{\"type\":\"and\",\"conditions\":[]}}",
            "{\"name\":\"n\",\"condition\":{\"type\":\"event\",\"event\":\"e\",\"window\":{\"to\":\"2024-01-01\"},\"count\":{\"op\":\"<\",\"value\":3.0}}}",
            "{\"name\":\"n\",\"condition\":{\"type\":\"score\",\"model\":\"m\",\"tier\":\"high\"}}",
            "{\"name\":\"n\",\"condition\":{\"type\":\"compare\",\"field\":\"x\",\"op\":\"contains\",\"value\":\"\\u202Eevil\\u200B\"}}"
    })
    void accepts_in_schema_and_parser_alike(String json) throws Exception {
        assertThat(schema().validate(JSON.readTree(json))).isEmpty();
        assertThat(SegmentJson.parse(json)).isNotNull();
    }

    @Test
    void every_node_type_has_a_described_branch() throws Exception {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/segment/definition.schema.json")) {
            schema = JSON.readTree(in);
        }
        for (String type : SegmentJson.NODE_TYPES) {
            JsonNode branch = schema.path("$defs").path(type);
            assertThat(branch.path("properties").path("type").path("const").asText()).isEqualTo(type);
            assertThat(branch.path("description").asText()).hasSizeGreaterThan(20);
            assertThat(branch.path("additionalProperties").asBoolean(true)).isFalse();
        }
    }
}
