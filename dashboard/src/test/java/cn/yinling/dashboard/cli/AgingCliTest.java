package cn.yinling.dashboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.dashboard.PublishedVersionFixture;
import cn.yinling.dashboard.appstate.AppStore;
import cn.yinling.dashboard.auth.Accounts;
import cn.yinling.dashboard.auth.ApiTokenService;
import cn.yinling.dashboard.auth.PortalSettings;
import cn.yinling.warehouse.store.AgingHome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code aging} commands as a script calls them: output formats of spec/cli.md and exit codes. */
class AgingCliTest {

    @RegisterExtension
    final CliRun cli = new CliRun();

    @Test
    void kpiCsvHasTheColumnsOfTheSpecAndTwelveDigitRegions() {
        new PublishedVersionFixture(cli.home()).publish(1, "mart_kpi_v1.sql");

        int exit = cli.run("kpi", "--month", "2024-12", "--level", "district", "--code", "aging_rate_60",
                "--format", "csv");

        assertEquals(0, exit);
        assertEquals(List.of(
                "kpi_code,kpi_name,region_code,region_name,region_level,month,value,numerator,denominator,unit,target",
                "aging_rate_60,老龄化率(60岁+),320302000000,鼓楼区,district,2024-12,20.00,121,605,%,",
                "aging_rate_60,老龄化率(60岁+),320303000000,云龙区,district,2024-12,30.00,121.5,405,%,"),
                cli.outLines());
    }

    @Test
    void kpiWithoutMonthTakesTheLatestAndAShortRegionCodeIsPadded() {
        new PublishedVersionFixture(cli.home()).publish(1, "mart_kpi_v1.sql");

        int exit = cli.run("kpi", "--region", "320300", "--level", "city", "--code", "pop_total", "--format", "csv");

        assertEquals(0, exit);
        assertEquals(List.of(
                "kpi_code,kpi_name,region_code,region_name,region_level,month,value,numerator,denominator,unit,target",
                "pop_total,户籍总人口,320300000000,徐州市,city,2024-12,1010,1010,,人,"), cli.outLines());
    }

    @Test
    void unknownKpiCodeIsRefusedWithExitTwo() {
        new PublishedVersionFixture(cli.home()).publish(1, "mart_kpi_v1.sql");
        assertEquals(2, cli.run("kpi", "--code", "no_such_kpi"));
    }

    @Test
    void userAddPrintsAFirstPasswordOnceThatSignsInAndMustBeChanged() {
        int exit = cli.run("user", "add", "--name", "tongshan1", "--role", "uploader", "--unit",
                "civil_affairs:320312");

        assertEquals(0, exit);
        String password = cli.out().lines().filter(l -> l.startsWith("初始密码：")).findFirst().orElseThrow()
                .substring("初始密码：".length());
        AppStore store = AppStore.open(new AgingHome(cli.home()));
        Accounts accounts = new Accounts(store, PortalSettings.defaults());
        Accounts.LoginResult login = accounts.login("tongshan1", password, "127.0.0.1");
        assertTrue(login.ok());
        assertTrue(login.session().user().mustChangePassword());
        assertEquals("civil_affairs:320312", login.session().user().unit());
        assertTrue(store.audit().page(null, "admin", "cli", 10).stream()
                .anyMatch(e -> e.target().equals("user:tongshan1")), "audited");

        assertEquals(2, cli.run("user", "add", "--name", "tongshan1", "--role", "planner"), "the name is taken");
        assertEquals(2, cli.run("user", "add", "--name", "nounit", "--role", "uploader"), "an uploader needs a unit");
        assertEquals(2, cli.run("user", "add", "--name", "boss", "--role", "king"));
    }

    @Test
    void tokenCreatePrintsATokenStoredOnlyAsItsHashAndRevokeEndsIt() throws Exception {
        assertEquals(0, cli.run("token", "create", "--unit", "public_security:320300"));
        String token = cli.out().strip();
        assertTrue(token.startsWith("aging_") && token.length() > 40, token);
        AppStore store = AppStore.open(new AgingHome(cli.home()));
        ApiTokenService tokens = new ApiTokenService(store);
        assertEquals("public_security:320300", tokens.authenticate(token).orElseThrow().unit());
        assertTrue(tokens.all().stream().noneMatch(t -> t.tokenSha256().contains(token)));
        byte[] db = Files.readAllBytes(cli.home().resolve("app/app.db"));
        assertTrue(new String(db, StandardCharsets.ISO_8859_1).indexOf(token) < 0, "not in the database file");

        assertEquals(0, cli.run("token", "revoke", "--unit", "public_security:320300"));
        assertTrue(cli.out().contains("已吊销 public_security:320300 的 1 个令牌"), cli.out());
        assertTrue(tokens.authenticate(token).isEmpty());
        assertEquals(2, cli.run("token", "create", "--unit", "police"));
    }

    @Test
    void ingestJsonReportsARefusedFeedWithExitTwo() throws Exception {
        Path file = cli.home().resolve("deaths.csv");
        Files.writeString(file, "公民身份号码,死亡日期,信息来源\n11010519491231002X,2024-12-01,死亡证明\n");

        int exit = cli.run("ingest", "--feed", "death", "--period", "2024-12", "--unit", "human_resources:320300",
                "--json", file.toString());

        assertEquals(2, exit);
        JsonNode report = new ObjectMapper().readTree(cli.out());
        assertEquals("refused", report.get("status").asText());
        assertEquals("FEED_NOT_ALLOWED", report.get("fatal").get("rule").asText());
        assertTrue(report.get("fatal").get("message").asText().contains("人社局"), report.toString());
    }
}
