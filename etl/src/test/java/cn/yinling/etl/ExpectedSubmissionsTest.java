package cn.yinling.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** units.csv as the team keeps it: the city's file wins over the shipped defaults; one pair per expected feed. */
class ExpectedSubmissionsTest {

    @TempDir
    Path dir;

    @Test
    void readsTheCitysFileWithBomQuotesAndDefaultDeadline() throws Exception {
        Path file = dir.resolve("units.csv");
        Files.writeString(file, "\uFEFFunit,name,expected_feeds,deadline_day\n"
                + "civil_affairs:320312,\"铜山区民政局,养老科\",allowance; care_visit ,15\n"
                + "\n"
                + "aging_office:320300,徐州市老龄办,accident_insurance,\n", StandardCharsets.UTF_8);

        List<ExpectedSubmissions.Pair> pairs = ExpectedSubmissions.load(file);

        assertEquals(List.of(
                new ExpectedSubmissions.Pair("civil_affairs:320312", "allowance", "month", 15),
                new ExpectedSubmissions.Pair("civil_affairs:320312", "care_visit", "month", 15),
                new ExpectedSubmissions.Pair("aging_office:320300", "accident_insurance", "year", 10)), pairs);
    }

    @Test
    void withoutACityFileTheShippedUnitsAreExpected() {
        List<ExpectedSubmissions.Pair> pairs = ExpectedSubmissions.load(dir.resolve("absent.csv"));
        assertTrue(pairs.contains(new ExpectedSubmissions.Pair("public_security:320300", "household", "month", 10)), pairs.toString());
        assertTrue(pairs.contains(new ExpectedSubmissions.Pair("stats:320300", "region", "year", 10)), pairs.toString());
    }

    @Test
    void anUnknownFeedIsNamedWithItsLine() throws Exception {
        Path file = dir.resolve("units.csv");
        Files.writeString(file, "unit,name,expected_feeds,deadline_day\nhealth:320300,卫健委,health_checkup;checkups,10\n",
                StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExpectedSubmissions.load(file));
        assertTrue(e.getMessage().contains("第 2 行") && e.getMessage().contains("checkups"), e.getMessage());
    }
}
