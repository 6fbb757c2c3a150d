package dev.microscope.worker.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {
  private static JsonNode parse(String json) {
    return Json.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsEveryKindOfValue() {
    JsonNode node =
        parse(
            "{\"s\":\"a\\\"b\",\"i\":7,\"l\":5000000000,\"big\":123456789012345678901234567890,"
                + "\"d\":0.25,\"t\":true,\"f\":false,\"n\":null,\"a\":[1,{\"x\":[]}],\"o\":{}}");

    assertThat(node.get("s").textValue()).isEqualTo("a\"b");
    assertThat(node.get("i").isInt()).isTrue();
    assertThat(node.get("i").intValue()).isEqualTo(7);
    assertThat(node.get("l").longValue()).isEqualTo(5_000_000_000L);
    assertThat(node.get("big").bigIntegerValue()).hasToString("123456789012345678901234567890");
    assertThat(node.get("d").doubleValue()).isEqualTo(0.25);
    assertThat(node.get("t").booleanValue()).isTrue();
    assertThat(node.get("f").booleanValue()).isFalse();
    assertThat(node.get("n").isNull()).isTrue();
    assertThat(node.get("a").get(1).get("x").isArray()).isTrue();
    assertThat(node.get("o").isObject()).isTrue();
  }

  @Test
  void writesWhatItReadsBack() {
    String json =
        "{\"s\":\"line\\nbreak\",\"i\":-3,\"big\":123456789012345678901234567890,\"d\":1.5,"
            + "\"t\":true,\"n\":null,\"a\":[1,\"x\",[]],\"o\":{\"k\":{}}}";

    byte[] written = Json.write(parse(json));

    assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(json);
  }

  @Test
  void duplicateFieldsAreRefused() {
    assertThatThrownBy(() -> parse("{\"a\":1,\"a\":2}"))
        .isInstanceOf(BadFieldException.class)
        .hasMessageContaining("Duplicate field 'a'")
        .extracting(e -> ((BadFieldException) e).field())
        .isEqualTo(BadFieldException.ROOT);
  }

  @Test
  void malformedAndTruncatedDocumentsNameTheRoot() {
    for (String bad : new String[] {"{\"a\":", "[1,2", "{a:1}", "nope"}) {
      assertThatThrownBy(() -> parse(bad))
          .as(bad)
          .isInstanceOf(BadFieldException.class)
          .hasMessageStartingWith("malformed JSON: ")
          .extracting(e -> ((BadFieldException) e).field())
          .isEqualTo(BadFieldException.ROOT);
    }
  }

  @Test
  void deepNestingIsRefusedBeforeItExhaustsTheStack() {
    String deep = "[".repeat(5000) + "]".repeat(5000);

    assertThatThrownBy(() -> parse(deep))
        .isInstanceOf(BadFieldException.class)
        .hasMessageContaining("nesting depth");
  }

  @Test
  void anEmptyBodyIsRefused() {
    assertThatThrownBy(() -> parse("  "))
        .isInstanceOf(BadFieldException.class)
        .hasMessage("empty body, expected a JSON object");
  }
}
