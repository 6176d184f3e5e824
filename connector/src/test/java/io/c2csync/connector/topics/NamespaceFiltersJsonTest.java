package io.c2csync.connector.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class NamespaceFiltersJsonTest {

  @Test
  void mongosyncFiltersRoundTrip() {
    List<NamespaceFilter> filters = List.of(
        NamespaceFilter.collections("hr", "people", "teams"),
        new NamespaceFilter(null, List.of("fixed"), new RegexFilter("^shop_", "i"), new RegexFilter("log$", "")));

    String json = NamespaceFiltersJson.format(filters);

    assertThat(json).isEqualTo("[{\"database\": \"hr\", \"collections\": [\"people\", \"teams\"]}, "
        + "{\"collections\": [\"fixed\"], \"databaseRegex\": {\"pattern\": \"^shop_\", \"options\": \"i\"}, "
        + "\"collectionsRegex\": {\"pattern\": \"log$\", \"options\": \"\"}}]");
    assertThat(NamespaceFiltersJson.parse(json)).isEqualTo(filters);
    assertThat(NamespaceFiltersJson.parse(null)).isEmpty();
  }

  @Test
  void problemsNameTheFilterAndField() {
    assertThatThrownBy(() -> NamespaceFiltersJson.parse("[{\"database\": \"a\"}, {\"databse\": \"b\"}]"))
        .hasMessage("filter 1 has unknown field 'databse'");
    assertThatThrownBy(() -> NamespaceFiltersJson.parse("[{\"database\": \"a\", \"collections\": \"c\"}]"))
        .hasMessage("filter 0.collections must be an array of strings");
    assertThatThrownBy(() -> NamespaceFiltersJson.parse("[{\"collections\": [\"c\"]}]"))
        .hasMessageStartingWith("filter 0: a namespace filter needs exactly one of");
    assertThatThrownBy(() -> NamespaceFiltersJson.parse("{\"database\": \"a\"}"))
        .hasMessageStartingWith("namespace filters must be a JSON array");
  }
}
