package dev.cemap.cli.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code rules:} mapping, rule id to setting, with where each id was written: a misspelt id is
 * reported at its own line.
 */
@JsonDeserialize(using = RuleEntries.Reader.class)
record RuleEntries(List<Entry> entries) {

    record Entry(ConfigValue ruleId, ConfigValue setting) {
    }

    static final class Reader extends JsonDeserializer<RuleEntries> {

        private final ConfigValue.Reader values = new ConfigValue.Reader();

        @Override
        public RuleEntries deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new JsonMappingException(parser, "expected a mapping of rule ids to off, on, error, warning "
                        + "or note", parser.currentTokenLocation());
            }
            List<Entry> entries = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                ConfigValue id = ConfigValue.at(parser.currentName(), parser.currentTokenLocation());
                JsonToken valueToken = parser.nextToken();
                ConfigValue setting = valueToken == JsonToken.VALUE_NULL
                        ? values.getNullValue(context) : values.deserialize(parser, context);
                entries.add(new Entry(id, setting));
            }
            return new RuleEntries(entries);
        }
    }
}
