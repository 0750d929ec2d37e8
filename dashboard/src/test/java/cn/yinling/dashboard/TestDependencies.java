package cn.yinling.dashboard;

import cn.yinling.dashboard.auth.Accounts;
import cn.yinling.dashboard.auth.PortalSettings;
import cn.yinling.dashboard.auth.Role;
import cn.yinling.warehouse.kpi.KpiCatalog;
import cn.yinling.warehouse.land.LandingOptions;
import cn.yinling.warehouse.serve.CurrentPointerFile;
import cn.yinling.warehouse.serve.WarehouseReader;
import cn.yinling.warehouse.store.AgingHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Dependencies of the app over a temporary AGING_HOME, and signed-in accounts for the tests. */
public final class TestDependencies {

    public static final String PASSWORD = "Correct-horse-42";

    private TestDependencies() {
    }

    public static Dependencies create(Path home, Duration versionPoll) {
        return create(home, versionPoll, PortalSettings.defaults(), LandingOptions.defaults(), List.of("false"));
    }

    public static Dependencies create(Path home, Duration versionPoll, PortalSettings settings, LandingOptions landing,
            List<String> etlCommand) {
        AgingHome agingHome = new AgingHome(home);
        return new Dependencies(new WarehouseReader(new CurrentPointerFile(agingHome), versionPoll),
                KpiCatalog.defaults(), agingHome, settings, landing, etlCommand);
    }

    /** An account that has already changed its first password. */
    public static void account(Dependencies deps, String name, Role role, String unit) {
        deps.accounts().create(name, role, unit, PASSWORD, false);
    }

    /** The Cookie header of a fresh session of a new account. */
    public static String sessionCookie(Dependencies deps, String name, Role role, String unit) {
        account(deps, name, role, unit);
        Accounts.LoginResult login = deps.accounts().login(name, PASSWORD, "127.0.0.1");
        return "aging_session=" + login.session().sessionId();
    }
}
