package org.libreconnect.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads {@code i_} fields the way real clients send them: a JSON integer, an integral number
 * such as {@code 3.0}, a numeric string such as {@code "3600"} (HTML form values), a boolean
 * (1/0), or {@code null}/{@code ""} meaning absent. Anything else is an input mismatch that the
 * error mapper reports as an invalid parameter.
 */
final class LenientIntegerDeserializer extends StdScalarDeserializer<Integer> {

  LenientIntegerDeserializer() {
    super(Integer.class);
  }

  @Override
  public Integer deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    JsonToken token = parser.currentToken();
    return switch (token) {
      case VALUE_NUMBER_INT -> exactInt(parser.getDecimalValue(), parser, context);
      case VALUE_NUMBER_FLOAT -> exactInt(parser.getDecimalValue(), parser, context);
      case VALUE_TRUE -> 1;
      case VALUE_FALSE -> 0;
      case VALUE_NULL -> null;
      case VALUE_STRING -> fromText(parser.getText().trim(), parser, context);
      default -> (Integer) context.handleUnexpectedToken(Integer.class, parser);
    };
  }

  @Override
  public Integer getNullValue(DeserializationContext context) {
    return null;
  }

  private Integer fromText(String text, JsonParser parser, DeserializationContext context)
      throws IOException {
    if (text.isEmpty()) {
      return null;
    }
    if (text.equalsIgnoreCase("true")) {
      return 1;
    }
    if (text.equalsIgnoreCase("false")) {
      return 0;
    }
    try {
      return exactInt(new BigDecimal(text), parser, context);
    } catch (NumberFormatException e) {
      return (Integer) context.handleWeirdStringValue(Integer.class, text, "not an integer");
    }
  }

  private Integer exactInt(BigDecimal value, JsonParser parser, DeserializationContext context)
      throws IOException {
    try {
      return value.intValueExact();
    } catch (ArithmeticException e) {
      return (Integer) context.handleWeirdNumberValue(Integer.class, value, "not a 32-bit integer");
    }
  }
}
