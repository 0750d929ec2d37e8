package cn.yinling.dashboard.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.dashboard.TestDependencies;
import cn.yinling.dashboard.appstate.AppStore;
import cn.yinling.dashboard.auth.Accounts;
import cn.yinling.dashboard.auth.PortalSettings;
import cn.yinling.dashboard.auth.Role;
import cn.yinling.warehouse.store.AgingHome;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in, lock-out, the forced change of a first password, the first admin, and the store's SQLite settings. */
class AccountsTest {

    @TempDir
    Path home;

    @Test
    void passwordsAreArgon2idHashesAndTheStoreIsSqliteInWalModeSharedWithTheCommandLine() {
        try (PortalFixture portal = new PortalFixture(home)) {
            String hash = portal.deps.store().users().findByName("admin1").orElseThrow().passwordHash();
            assertTrue(hash.startsWith("$argon2id$"), hash);
            assertFalse(hash.contains(TestDependencies.PASSWORD));
            String mode = portal.deps.store().jdbi().withHandle(h -> h.createQuery("pragma journal_mode")
                    .mapTo(String.class).one());
            assertEquals("wal", mode);
            assertEquals(home.resolve("app/app.db"), portal.deps.store().file());

            // What `aging user add` does while the server runs: a second store on the same file.
            AppStore cli = AppStore.open(new AgingHome(home));
            Accounts.Created created = new Accounts(cli, PortalSettings.defaults()).create("newplanner", Role.planner,
                    null);
            PortalClient.Response login = portal.anonymous().tryLogin("newplanner", created.password());
            assertEquals(200, login.status(), login.text());
            assertTrue(login.json().get("must_change_password").asBoolean());
        }
    }

    @Test
    void aFirstPasswordMustBeChangedBeforeAnythingElse() {
        try (PortalFixture portal = new PortalFixture(home)) {
            Accounts.Created created = portal.deps.accounts().create("fresh1", Role.uploader, PortalFixture.POLICE);
            PortalClient fresh = PortalClient.login(portal.base, "fresh1", created.password());

            PortalClient.Response kpis = fresh.get("/api/v1/kpis");
            assertEquals(403, kpis.status());
            assertTrue(kpis.json().get("error").asText().contains("修改初始密码"));
            PortalClient.Response page = fresh.get("/portal.html");
            assertEquals(302, page.status());
            assertEquals("/password.html", page.header("Location"));
            assertEquals(200, fresh.get("/api/v1/session").status());
            assertEquals(200, fresh.get("/password.html").status());

            PortalClient.Response weak = fresh.post("/api/v1/session/password",
                    Map.of("current_password", created.password(), "new_password", "short1"));
            assertEquals(400, weak.status());
            assertTrue(weak.json().get("error").asText().contains("至少需要 10 个字符"));
            PortalClient.Response wrong = fresh.post("/api/v1/session/password",
                    Map.of("current_password", "not-the-password-1", "new_password", "Brand-new-pass-7"));
            assertEquals(400, wrong.status());
            PortalClient.Response changed = fresh.post("/api/v1/session/password",
                    Map.of("current_password", created.password(), "new_password", "Brand-new-pass-7"));
            assertEquals(200, changed.status(), changed.text());
            assertFalse(changed.json().get("must_change_password").asBoolean());

            assertEquals(200, fresh.get("/api/v1/feeds").status(), "the same session works on");
            assertEquals(401, portal.anonymous().tryLogin("fresh1", created.password()).status(), "the old one is gone");
            assertEquals(200, portal.anonymous().tryLogin("fresh1", "Brand-new-pass-7").status());
        }
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPasswordAndUnknownNamesAnswerTheSame() {
        try (PortalFixture portal = new PortalFixture(home)) {
            PortalClient anonymous = portal.anonymous();
            String unknown = anonymous.tryLogin("nobody-here", "whatever-123").json().get("error").asText();
            String wrongPassword = anonymous.tryLogin("police1", "whatever-123").json().get("error").asText();
            assertEquals(wrongPassword, unknown, "the answer does not tell whether the account exists");

            for (int i = 0; i < 4; i++) {
                assertEquals(401, anonymous.tryLogin("police1", "wrong-password-" + i).status());
            }
            PortalClient.Response locked = anonymous.tryLogin("police1", TestDependencies.PASSWORD);
            assertEquals(429, locked.status(), "5 failures (1 + 4) lock the account: " + locked.text());
            assertTrue(locked.json().get("error").asText().contains("锁定"));
            assertEquals(200, anonymous.tryLogin("planner1", TestDependencies.PASSWORD).status(),
                    "other accounts are not affected");

            PortalClient.Response logins = portal.login("admin1").get("/api/v1/admin/audit?action=login_failed");
            JsonNode entries = logins.json().get("entries");
            assertTrue(entries.size() >= 6, entries.toString());
        }
    }

    @Test
    void theFirstStartCreatesOneAdminFromTheEnvironmentOrWithARandomPassword() {
        try (var deps = TestDependencies.create(home, java.time.Duration.ZERO)) {
            Optional<Accounts.Created> first = deps.accounts().ensureFirstAdmin(Map.of("AGING_ADMIN_PASSWORD",
                    "From-env-pass-9"));
            assertTrue(first.isPresent());
            assertEquals("admin", first.get().user().name());
            assertEquals(Role.admin.name(), first.get().user().role());
            assertTrue(first.get().user().mustChangePassword(), "changed at first sign-in");
            assertTrue(deps.accounts().login("admin", "From-env-pass-9", "127.0.0.1").ok());
            assertTrue(deps.accounts().ensureFirstAdmin(Map.of()).isEmpty(), "only on the very first start");
        }
        try (var other = TestDependencies.create(home.resolve("other"), java.time.Duration.ZERO)) {
            Accounts.Created random = other.accounts().ensureFirstAdmin(Map.of()).orElseThrow();
            assertTrue(random.password().length() >= 14, random.password());
            assertTrue(other.accounts().login("admin", random.password(), "127.0.0.1").ok());
            assertEquals(List.of("admin"), other.accounts().all().stream().map(u -> u.name()).toList());
        }
    }
}
