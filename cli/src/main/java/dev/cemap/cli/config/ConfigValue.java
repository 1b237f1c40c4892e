package dev.cemap.cli.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;

/**
 * One scalar of the configuration file with the line and column it was written at, so that a bad
 * value is reported where it is.
 *
 * @param text  the scalar as Jackson reads it (YAML's {@code off} may arrive as {@code false});
 *              null when the key has no value
 */
@JsonDeserialize(using = ConfigValue.Reader.class)
record ConfigValue(String text, int line, int column) {

    static ConfigValue at(String text, JsonLocation location) {
        return new ConfigValue(text, location.getLineNr(), location.getColumnNr());
    }

    static final class Reader extends JsonDeserializer<ConfigValue> {

        @Override
        public ConfigValue deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.currentToken().isScalarValue()) {
                throw new JsonMappingException(parser, "expected a single value, not a list or mapping",
                        parser.currentTokenLocation());
            }
            return at(parser.getText(), parser.currentTokenLocation());
        }

        /** {@code target:} with nothing after it: kept, so that the error can say where. */
        @Override
        public ConfigValue getNullValue(DeserializationContext context) {
            return at(null, context.getParser().currentTokenLocation());
        }

        /** A key that is not there at all is simply not set. */
        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }
    }
}
