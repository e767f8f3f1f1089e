package dev.segmentagent.segment;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;

import java.io.IOException;

/**
 * Plain Jackson (de)serialisation of {@link Literal} as a bare JSON scalar, for code that binds the AST with
 * an ObjectMapper. {@link SegmentJson} is the strict entry point for untrusted input; this only keeps the
 * records usable with Jackson and rejects what is not a scalar.
 */
final class LiteralJackson {

    private LiteralJackson() {}

    static final class Serializer extends JsonSerializer<Literal> {
        @Override
        public void serialize(Literal value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            if (value instanceof Literal.Text t) {
                gen.writeString(t.value());
            } else if (value instanceof Literal.Number n) {
                gen.writeNumber(n.value());
            } else if (value instanceof Literal.Bool b) {
                gen.writeBoolean(b.value());
            }
        }
    }

    static final class Deserializer extends JsonDeserializer<Literal> {
        @Override
        public Literal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_STRING) {
                return new Literal.Text(p.getText());
            }
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                return new Literal.Number(p.getDecimalValue());
            }
            if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                return new Literal.Bool(p.getBooleanValue());
            }
            return (Literal) ctxt.handleUnexpectedToken(Literal.class, p);
        }
    }
}
