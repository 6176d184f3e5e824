package io.c2csync.controlplane.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.c2csync.connector.topics.NamespaceFilter;
import io.c2csync.connector.topics.NamespaceSelection;
import io.c2csync.connector.topics.RegexFilter;
import io.c2csync.connector.topics.SyncGroupTopic;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SyncGroupsTest {
    private static final List<String> AT_START = List.of("shop", "hr", "logs");
    /** Known at the start, created later, and look-alikes. */
    private static final List<String> DATABASES = List.of("shop", "hr", "logs", "shop2", "new", "app_x", "hr-archive");

    @Test
    void byDefaultEachDatabaseIsAGroupAndDatabasesCreatedLaterGoToTheGroupOther() {
        List<SyncGroups.Group> groups = SyncGroups.split(NamespaceSelection.ALL, Optional.of(AT_START));

        assertThat(groups).extracting(SyncGroups.Group::name).containsExactly("db-hr", "db-logs", "db-shop", "other");
        assertThat(groups.get(2).selection())
                .isEqualTo(new NamespaceSelection(List.of(NamespaceFilter.database("shop")), List.of()));
        assertThat(groups.get(3).selection()).isEqualTo(new NamespaceSelection(List.of(),
                List.of(NamespaceFilter.database("hr"), NamespaceFilter.database("logs"), NamespaceFilter.database("shop"))));
        assertEveryDatabaseInExactlyOneGroup(NamespaceSelection.ALL, groups);
    }

    @Test
    void fewerDatabaseGroupsLeaveTheRestToTheGroupOtherAndZeroIsOneGroupForEverything() {
        assertThat(SyncGroups.split(NamespaceSelection.ALL, Optional.of(AT_START), 1))
                .extracting(SyncGroups.Group::name).containsExactly("db-hr", "other");

        NamespaceSelection named = new NamespaceSelection(
                List.of(NamespaceFilter.database("shop"), NamespaceFilter.database("hr")), List.of());
        List<SyncGroups.Group> one = SyncGroups.split(named, Optional.of(AT_START), 0);

        assertThat(one).containsExactly(new SyncGroups.Group("other", named));
        assertEveryDatabaseInExactlyOneGroup(named, one);
        assertThatThrownBy(() -> SyncGroups.split(named, Optional.of(AT_START), 17))
                .hasMessageContaining("database groups must be 0..16, got 17");
    }

    @Test
    void filtersAreNarrowedToEachDatabaseAndKeptForTheOthers() {
        NamespaceSelection sync = new NamespaceSelection(
                List.of(new NamespaceFilter(null, List.of("orders"), new RegexFilter("^(shop|app)", ""), null),
                        NamespaceFilter.database("hr")),
                List.of(NamespaceFilter.collections("hr", "salaries")));

        List<SyncGroups.Group> groups = SyncGroups.split(sync, Optional.of(AT_START));

        assertThat(groups).extracting(SyncGroups.Group::name).containsExactly("db-hr", "db-shop", "other");
        assertThat(groups.get(1).selection()).isEqualTo(new NamespaceSelection(
                List.of(NamespaceFilter.collections("shop", "orders")), sync.excludes()));
        assertThat(groups.get(2).selection().includes()).isEqualTo(sync.includes());
        assertEveryDatabaseInExactlyOneGroup(sync, groups);
    }

    @Test
    void includesNamingOnlyDatabasesWithAGroupNeedNoGroupOther() {
        NamespaceSelection named = new NamespaceSelection(
                List.of(NamespaceFilter.database("shop"), NamespaceFilter.collections("logs", "errors")), List.of());
        assertThat(SyncGroups.split(named, Optional.of(AT_START))).extracting(SyncGroups.Group::name)
                .containsExactly("db-logs", "db-shop");

        NamespaceSelection notYetThere = new NamespaceSelection(
                List.of(NamespaceFilter.database("shop"), NamespaceFilter.database("new")), List.of());
        List<SyncGroups.Group> groups = SyncGroups.split(notYetThere, Optional.of(AT_START));
        assertThat(groups).extracting(SyncGroups.Group::name).containsExactly("db-shop", "other");
        assertEveryDatabaseInExactlyOneGroup(notYetThere, groups);
    }

    @Test
    void atMostSixteenDatabasesGetAGroupOfTheirOwnTheRestShareTheGroupOther() {
        List<String> many = IntStream.range(0, 20).mapToObj(i -> "d" + (char) ('a' + i)).toList();

        List<SyncGroups.Group> groups = SyncGroups.split(NamespaceSelection.ALL, Optional.of(many));

        assertThat(groups).hasSize(SyncGroups.MAX_DATABASE_GROUPS + 1);
        assertThat(groups.get(SyncGroups.MAX_DATABASE_GROUPS).selection().selects("dt", "c")).isTrue();
    }

    @Test
    void groupNamesAreValidTopicPartsAndDistinct() {
        String odd = "ünïcode db";
        String long1 = "x".repeat(60) + "1";
        String long2 = "x".repeat(60) + "2";

        List<String> names = List.of(SyncGroups.groupName(odd), SyncGroups.groupName(long1), SyncGroups.groupName(long2));

        assertThat(names).doesNotHaveDuplicates().allSatisfy(name -> new SyncGroupTopic("s1-p1", name));
        assertThat(SyncGroups.groupName("shop")).isEqualTo("db-shop");
    }

    @Test
    void aSyncFromBeforeGroupsPerDatabaseKeepsItsSingleGroup() {
        assertThat(SyncGroups.split(NamespaceSelection.ALL, Optional.empty()))
                .containsExactly(new SyncGroups.Group("all", NamespaceSelection.ALL));
    }

    /** A database, and so its dropDatabase, is never split over two groups; nothing selected is left out. */
    private static void assertEveryDatabaseInExactlyOneGroup(NamespaceSelection sync, List<SyncGroups.Group> groups) {
        for (String database : DATABASES) {
            for (String collection : List.of("orders", "salaries", "errors", "other")) {
                long carrying = groups.stream().filter(g -> g.selection().selects(database, collection)).count();
                assertThat(carrying).as("groups carrying %s.%s", database, collection)
                        .isEqualTo(sync.selects(database, collection) ? 1 : 0);
            }
            assertThat(groups.stream().filter(g -> g.selection().selects(database, null)).count())
                    .as("groups carrying dropDatabase of %s", database).isLessThanOrEqualTo(1);
        }
    }
}
