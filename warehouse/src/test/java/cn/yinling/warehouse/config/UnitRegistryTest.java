package cn.yinling.warehouse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.warehouse.store.AgingHome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitRegistryTest {

    @TempDir
    Path home;

    @Test
    void withoutTheCitysFileTheShippedDefaultIsReadAndEveryDefaultUnitIsValid() {
        UnitRegistry registry = UnitRegistry.load(new AgingHome(home));
        assertTrue(registry.units().size() >= 4, registry.units().toString());
        assertTrue(UnitRegistry.problems(registry.units()).isEmpty());
        assertTrue(registry.find("public_security:320300").orElseThrow().expectedFeeds().contains("household"));
    }

    @Test
    void theCitysFileWinsAndSavingWritesItWholeWithNoTemporaryFileLeft() throws Exception {
        AgingHome agingHome = new AgingHome(home);
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/units.csv"), "\uFEFFunit,name,expected_feeds,deadline_day\n"
                + "civil_affairs:320312,铜山区民政局,allowance;care_visit,\n\n", StandardCharsets.UTF_8);
        UnitRegistry registry = UnitRegistry.load(agingHome);
        assertEquals(List.of(new UnitRegistry.Unit("civil_affairs:320312", "铜山区民政局",
                List.of("allowance", "care_visit"), 10)), registry.units(), "empty deadline_day is the default 10");

        UnitRegistry.of(List.of(new UnitRegistry.Unit("health:320300", "徐州市卫生健康委员会",
                List.of("health_checkup", "death"), 5))).save(agingHome);
        assertEquals(List.of("unit,name,expected_feeds,deadline_day", "health:320300,徐州市卫生健康委员会,health_checkup;death,5"),
                Files.readAllLines(home.resolve("config/units.csv")));
        try (Stream<Path> files = Files.list(home.resolve("config"))) {
            assertEquals(List.of("units.csv"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aUnitListingAFeedItsDepartmentDoesNotSendIsRefusedInChinese() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UnitRegistry.of(List.of(
                new UnitRegistry.Unit("human_resources:320300", "人社局", List.of("household"), 10),
                new UnitRegistry.Unit("police:32", "x", List.of(), 10),
                new UnitRegistry.Unit("stats:320300", "统计局", List.of("region"), 31))));
        assertTrue(e.getMessage().contains("人社局不报送户籍人口（household）"), e.getMessage());
        assertTrue(e.getMessage().contains("单位代码“police:32”格式错误"), e.getMessage());
        assertTrue(e.getMessage().contains("报送截止日应为 1–28"), e.getMessage());
    }
}
