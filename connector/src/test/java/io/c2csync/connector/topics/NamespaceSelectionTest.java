package io.c2csync.connector.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class NamespaceSelectionTest {

  @Test
  void everythingButSystemAndReservedNamespacesByDefault() {
    NamespaceSelection all = NamespaceSelection.ALL;
    assertThat(all.selects("sales", "orders")).isTrue();
    assertThat(all.selects("sales", null)).isTrue();
    assertThat(all.selects("administration", "x")).isTrue();
    assertThat(all.selects("admin", "x")).isFalse();
    assertThat(all.selects("config", "x")).isFalse();
    assertThat(all.selects("local", "oplog.rs")).isFalse();
    assertThat(all.selects("sales", "system.views")).isFalse();
    assertThat(all.selects("__c2c_sync", "markers")).isFalse();
  }

  @Test
  void includeThenExclude() {
    NamespaceSelection selection = new NamespaceSelection(
        List.of(NamespaceFilter.database("sales"), NamespaceFilter.collections("hr", "people", "teams")),
        List.of(NamespaceFilter.collections("sales", "tmp")));

    assertThat(selection.selects("sales", "orders")).isTrue();
    assertThat(selection.selects("sales", "tmp")).isFalse();
    assertThat(selection.selects("hr", "people")).isTrue();
    assertThat(selection.selects("hr", "salaries")).isFalse();
    assertThat(selection.selects("crm", "leads")).isFalse();
    // dropDatabase: carried for databases that hold selected collections
    assertThat(selection.selects("sales", null)).isTrue();
    assertThat(selection.selects("hr", null)).isTrue();
    assertThat(selection.selects("crm", null)).isFalse();
  }

  @Test
  void regexFiltersAreUnanchoredWithOptions() {
    NamespaceSelection selection = new NamespaceSelection(
        List.of(new NamespaceFilter(null, List.of("fixed"), new RegexFilter("^shop_", ""), new RegexFilter("LOG$", "i"))),
        List.of(new NamespaceFilter(null, List.of(), new RegexFilter("test", ""), null)));

    assertThat(selection.selects("shop_eu", "access_log")).isTrue();
    assertThat(selection.selects("shop_eu", "fixed")).isTrue();
    assertThat(selection.selects("shop_eu", "orders")).isFalse();
    assertThat(selection.selects("myshop_eu", "access_log")).isFalse();
    assertThat(selection.selects("shop_test", "access_log")).isFalse();
    assertThat(selection.selects("shop_test", null)).isFalse();
  }

  @Test
  void badFiltersFailWithTheField() {
    assertThatThrownBy(() -> new NamespaceFilter("a", List.of(), new RegexFilter("a", ""), null))
        .hasMessageContaining("exactly one of 'database' and 'databaseRegex'");
    assertThatThrownBy(() -> new NamespaceFilter(null, null, null, null))
        .hasMessageContaining("exactly one of");
    assertThatThrownBy(() -> new RegexFilter("(", ""))
        .hasMessageContaining("invalid regex /(/");
    assertThatThrownBy(() -> new RegexFilter("a", "u"))
        .hasMessageContaining("regex option 'u'");
    assertThatThrownBy(() -> NamespaceFilter.collections("db", ""))
        .hasMessageContaining("empty name");
  }
}
