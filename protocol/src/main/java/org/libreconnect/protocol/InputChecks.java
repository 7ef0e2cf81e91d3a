package org.libreconnect.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.protocol.error.MissingParameterException;
import org.libreconnect.protocol.error.TechnicalException;

/**
 * The {@link Required} and {@link Base64Value} checks of one input record type, read from its
 * components once per type: reading them through reflection for every command (annotations,
 * generic signatures) cost a signature command about a tenth of a millisecond.
 */
final class InputChecks {
  private static final ClassValue<InputChecks> BY_TYPE =
      new ClassValue<>() {
        @Override
        protected InputChecks computeValue(Class<?> type) {
          return new InputChecks(type);
        }
      };

  /** One checked component: its accessor, its JSON key, and what it must be. */
  private record Check(Method accessor, String key, boolean required, boolean base64) {}

  private final List<Check> checks;

  private InputChecks(Class<?> type) {
    List<Check> found = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      boolean required = component.isAnnotationPresent(Required.class);
      boolean base64 = component.isAnnotationPresent(Base64Value.class);
      if (required || base64) {
        found.add(new Check(component.getAccessor(), jsonKey(component), required, base64));
      }
    }
    this.checks = List.copyOf(found);
  }

  /** The checks of {@code type}, read on first use. */
  static InputChecks of(Class<? extends Record> type) {
    return BY_TYPE.get(type);
  }

  /**
   * @throws MissingParameterException when a required component is absent or empty
   * @throws InvalidParameterException when a base64 component is not base64
   */
  void check(Record input) {
    for (Check check : checks) {
      Object value;
      try {
        value = check.accessor().invoke(input);
      } catch (ReflectiveOperationException e) {
        throw new TechnicalException("Cannot read input field " + check.key(), "", e);
      }
      boolean absent = value == null || (value instanceof String s && s.isEmpty());
      if (check.required() && absent) {
        throw new MissingParameterException(check.key());
      }
      if (check.base64() && value instanceof String s && !isBase64(s)) {
        throw new InvalidParameterException(check.key(), "must be base64");
      }
    }
  }

  private static boolean isBase64(String s) {
    try {
      Base64.getMimeDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return s.isEmpty() || hasBase64Alphabet(s);
  }

  private static boolean hasBase64Alphabet(String s) {
    int significant = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean alphabet =
          (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
              || c == '+' || c == '/' || c == '=';
      boolean whitespace = c == '\r' || c == '\n' || c == ' ' || c == '\t';
      if (!alphabet && !whitespace) {
        return false;
      }
      if (alphabet) {
        significant++;
      }
    }
    return significant % 4 == 0;
  }

  private static String jsonKey(RecordComponent component) {
    // @JsonProperty cannot target record components; Java copies it onto the accessor.
    JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
    return property != null ? property.value() : component.getName();
  }
}
