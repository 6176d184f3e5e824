package io.c2csync.controlplane.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamespaceFilterTest {

    @Test
    void withoutRulesEverythingButSystemAndMarkerNamespacesIsIncluded() {
        NamespaceFilter all = NamespaceFilter.all();

        assertThat(all.includes("shop", "orders")).isTrue();
        assertThat(all.includes("shop", "system.views")).isFalse();
        for (String database : List.of("admin", "config", "local", NamespaceFilter.MARKER_DATABASE)) {
            assertThat(all.mayInclude(database)).as(database).isFalse();
            assertThat(all.includes(database, "c")).as(database).isFalse();
        }
    }

    @Test
    void includeSelectsDatabasesAndCollectionsThenExcludeRemoves() {
        NamespaceFilter filter = NamespaceFilter.parse(
                List.of("{\"database\": \"shop\"}", "{\"database\": \"hr\", \"collections\": [\"people\", \"teams\"]}",
                        "{\"databaseRegex\": {\"pattern\": \"^prod_\"}, \"collectionsRegex\": {\"pattern\": \"^log\", \"options\": \"i\"}}"),
                List.of("{\"database\": \"shop\", \"collections\": [\"carts\"]}"));

        assertThat(filter.includes("shop", "orders")).isTrue();
        assertThat(filter.includes("shop", "carts")).isFalse();
        assertThat(filter.includes("hr", "people")).isTrue();
        assertThat(filter.includes("hr", "salaries")).isFalse();
        assertThat(filter.includes("prod_eu", "LogEvents")).isTrue();
        assertThat(filter.includes("prod_eu", "users")).isFalse();
        assertThat(filter.includes("test", "orders")).isFalse();
        assertThat(filter.mayInclude("test")).isFalse();
        assertThat(filter.mayInclude("prod_us")).isTrue();
    }

    @Test
    void badFiltersAreRefusedWithTheReason() {
        assertRefused("{\"database\": \"a\", \"colections\": [\"b\"]}", "unknown field \"colections\"");
        assertRefused("{\"collections\": [\"b\"]}", "exactly one of \"database\" and \"databaseRegex\" is required");
        assertRefused("{\"database\": \"a\", \"databaseRegex\": {\"pattern\": \"a\"}}", "exactly one of");
        assertRefused("{\"database\": \"a\", \"collections\": []}", "\"collections\" must be a non-empty array");
        assertRefused("{\"database\": \"a\", \"collections\": \"b\"}", "\"collections\" must be a non-empty array");
        assertRefused("{\"database\": 3}", "\"database\" must be a non-empty string");
        assertRefused("{\"databaseRegex\": {\"pattern\": \"(\"}}", "not a valid regular expression");
        assertRefused("{\"databaseRegex\": {\"pattern\": \"a\", \"options\": \"q\"}}", "option 'q' is not one of i, m, s, x");
        assertRefused("{\"databaseRegex\": \"^a\"}", "must be {\"pattern\"");
        assertRefused("[\"a\"]", "a filter is a JSON object");
        assertRefused("{database: a", "not JSON");
    }

    private static void assertRefused(String filter, String reason) {
        assertThatThrownBy(() -> NamespaceFilter.parse(List.of(), List.of(filter)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad exclude filter " + filter + ": ")
                .hasMessageContaining(reason);
    }
}
