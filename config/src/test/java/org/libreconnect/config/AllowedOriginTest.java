package org.libreconnect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllowedOriginTest {

  @ParameterizedTest(name = "{0} vs [{1}] -> {2}")
  @CsvSource(
      nullValues = "NULL",
      delimiter = '|',
      textBlock =
          """
          # exact host, default port
          https://app.example.com | https://app.example.com                | true
          https://app.example.com | https://app.example.com:443            | true
          https://app.example.com | HTTPS://APP.EXAMPLE.COM                | true
          https://app.example.com | https://App.Example.Com:443            | true
          https://app.example.com | https://app.example.com:8443           | false
          https://app.example.com | https://app.example.com:80             | false
          https://app.example.com | http://app.example.com                 | false
          https://app.example.com | wss://app.example.com                  | false
          # look-alikes
          https://app.example.com | https://app.example.com.evil.net       | false
          https://app.example.com | https://evilapp.example.com            | false
          https://app.example.com | https://xapp.example.com               | false
          https://app.example.com | https://app.example.co                 | false
          https://app.example.com | https://a.app.example.com              | false
          # not exactly scheme://host[:port]
          https://app.example.com | NULL                                   | false
          https://app.example.com | ''                                     | false
          https://app.example.com | null                                   | false
          https://app.example.com | https://app.example.com/               | false
          https://app.example.com | https://app.example.com/app            | false
          https://app.example.com | https://app.example.com:443/           | false
          https://app.example.com | https://app.example.com?x=1            | false
          https://app.example.com | https://app.example.com#top           | false
          https://app.example.com | https://app.example.com.               | false
          https://app.example.com | https://user@app.example.com           | false
          https://app.example.com | https://app.example.com@evil.net       | false
          https://app.example.com | https://app.example.com:pw@evil.net    | false
          https://app.example.com | https://app.example.com\\@evil.net     | false
          https://app.example.com | ' https://app.example.com'             | false
          https://app.example.com | 'https://app.example.com '             | false
          https://app.example.com | https://app.example.com:              | false
          https://app.example.com | https://app.example.com:0443          | false
          https://app.example.com | https://app.example.com:443:443       | false
          https://app.example.com | https://app.example.com:99999         | false
          https://app.example.com | https://app.example.com:+443          | false
          https://app.example.com | //app.example.com                      | false
          https://app.example.com | app.example.com                        | false
          https://app.example.com | https:/app.example.com                 | false
          https://app.example.com | https://                               | false
          https://app.example.com | https://app..example.com               | false
          # wildcard: one or more labels, never the bare suffix
          https://*.example.com   | https://a.example.com                  | true
          https://*.example.com   | https://a.b.example.com                | true
          https://*.example.com   | https://A.Example.COM                  | true
          https://*.example.com   | https://a.example.com:443              | true
          https://*.example.com   | https://example.com                    | false
          https://*.example.com   | https://.example.com                   | false
          https://*.example.com   | https://evilexample.com                | false
          https://*.example.com   | https://example.com.evil.net           | false
          https://*.example.com   | https://a.example.com.evil.net         | false
          https://*.example.com   | https://a.example.com.                 | false
          https://*.example.com   | https://example.com@a.example.com      | false
          https://*.example.com   | https://evil.net#.example.com          | false
          https://*.example.com   | https://a.example.com:8443             | false
          https://*.example.com   | http://a.example.com                   | false
          https://*.example.com:* | https://a.example.com:8443             | true
          https://*.example.com:* | https://example.com:8443               | false
          # ports
          http://localhost:*      | http://localhost:3000                  | true
          http://localhost:*      | http://localhost                       | true
          http://localhost:*      | https://localhost:3000                 | false
          http://localhost:*      | http://localhost.evil.net:3000         | false
          http://localhost:3000   | http://localhost:3000                  | true
          http://localhost:3000   | http://localhost:3001                  | false
          http://localhost:3000   | http://localhost                       | false
          http://localhost        | http://localhost:80                    | true
          http://localhost:80     | http://localhost                       | true
          http://localhost        | http://localhost:8080                  | false
          # IP addresses
          http://127.0.0.1:3000   | http://127.0.0.1:3000                  | true
          http://127.0.0.1:3000   | http://127.0.0.2:3000                  | false
          http://[::1]:3000       | http://[::1]:3000                      | true
          http://[::1]:3000       | http://[0:0:0:0:0:0:0:1]:3000          | true
          http://[::1]:3000       | http://[::2]:3000                      | false
          http://[::1]:3000       | http://[::1]:3001                      | false
          http://[::1]:3000       | http://[::1]                           | false
          http://[::1]:3000       | http://::1:3000                        | false
          http://[::1]:3000       | http://[::1%25eth0]:3000               | false
          http://[::1]:3000       | http://[::1]x:3000                     | false
          http://[::1]:*          | http://[::1]                           | true
          http://[::1]:*          | http://[::1]:65535                     | true
          # browser extensions
          chrome-extension://abcdefghijklmnopabcdefghijklmnop | chrome-extension://abcdefghijklmnopabcdefghijklmnop     | true
          chrome-extension://abcdefghijklmnopabcdefghijklmnop | chrome-extension://ABCDEFGHIJKLMNOPABCDEFGHIJKLMNOP     | true
          chrome-extension://abcdefghijklmnopabcdefghijklmnop | chrome-extension://bbcdefghijklmnopabcdefghijklmnop     | false
          chrome-extension://abcdefghijklmnopabcdefghijklmnop | chrome-extension://abcdefghijklmnopabcdefghijklmnop:443 | false
          chrome-extension://abcdefghijklmnopabcdefghijklmnop | https://abcdefghijklmnopabcdefghijklmnop                | false
          chrome-extension://abcdefghijklmnopabcdefghijklmnop | moz-extension://abcdefghijklmnopabcdefghijklmnop        | false
          moz-extension://0b8a3c5e-1f2d-4e6a-9b7c-8d9e0f1a2b3c | moz-extension://0B8A3C5E-1F2D-4E6A-9B7C-8D9E0F1A2B3C  | true
          """)
  void matrix(String pattern, String origin, boolean allowed) {
    assertThat(AllowedOrigin.parse(pattern).matches(origin)).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "[{0}] is refused: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ''                                   | may not be empty
          example.com                          | expected scheme://host[:port]
          //example.com                        | expected scheme://host[:port]
          ftp://example.com                    | the scheme must be http, https
          ws://example.com                     | the scheme must be http, https
          https://                             | the host is empty
          https://:443                         | the host is empty
          https://example.com/                 | no path
          https://example.com/app              | no path
          https://example.com:443/             | no path
          https://[::1]/                       | no path
          https://example.com?x=1              | no query
          https://example.com#top              | no query
          https://user@example.com             | no user information
          https://example.com@evil.net         | no user information
          'https://exa mple.com'               | white space
          'https://example.com '               | white space
          https://a.*.example.com              | only be the whole leftmost label
          https://*example.com                 | only be the whole leftmost label
          https://**.example.com               | only be the whole leftmost label
          https://*.*.example.com              | only be the whole leftmost label
          https://*                            | only be the whole leftmost label
          https://example.*                    | only be the whole leftmost label
          https://*.                           | is not valid
          https://*.com                        | two labels or more
          https://*.0.0.1                      | two labels or more
          https://*.[::1]                      | is not valid
          https://example.com.                 | is not valid
          https://-example.com                 | is not valid
          https://exa_mple.com                 | is not valid
          https://exämple.com                  | is not valid
          https://[::1                         | expected scheme://host[:port]
          https://[zz::1]                      | is not valid
          https://[::1%eth0]                   | is not valid
          https://example.com:                 | the port must be a number from 1 to 65535
          https://example.com:0                | the port must be a number from 1 to 65535
          https://example.com:65536            | the port must be a number from 1 to 65535
          https://example.com:08443            | the port must be a number from 1 to 65535
          https://example.com:http             | the port must be a number from 1 to 65535
          https://example.com:443:443          | the port must be a number from 1 to 65535
          https://example.com:**               | the port must be a number from 1 to 65535
          chrome-extension://*.abcdefgh        | extension origin takes an exact extension id
          chrome-extension://abcdefgh:443      | extension origin takes an exact extension id
          """)
  void refusesInvalidPatterns(String pattern, String reason) {
    assertThatThrownBy(() -> AllowedOrigin.parse(pattern))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("\"" + pattern + "\" is not a valid origin pattern: ")
        .hasMessageContaining(reason);
  }

  @Test
  void refusesNull() {
    assertThatThrownBy(() -> AllowedOrigin.parse(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("may not be empty");
  }

  @Test
  void keepsThePatternAsWritten() {
    AllowedOrigin origin = AllowedOrigin.parse("HTTPS://*.Example.com:*");

    assertThat(origin.pattern()).isEqualTo("HTTPS://*.Example.com:*");
    assertThat(origin).hasToString("HTTPS://*.Example.com:*");
  }

  @Test
  void equalPatternsDescribeTheSameOrigins() {
    assertThat(AllowedOrigin.parse("HTTPS://App.Example.com"))
        .isEqualTo(AllowedOrigin.parse("https://app.example.com:443"))
        .hasSameHashCodeAs(AllowedOrigin.parse("https://app.example.com:443"))
        .isNotEqualTo(AllowedOrigin.parse("https://app.example.com:8443"))
        .isNotEqualTo(AllowedOrigin.parse("http://app.example.com:443"))
        .isNotEqualTo(AllowedOrigin.parse("https://*.app.example.com"));
  }
}
