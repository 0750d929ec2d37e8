package cn.yinling.dashboard;

import cn.yinling.dashboard.admin.EtlRunner;
import cn.yinling.dashboard.appstate.AppStore;
import cn.yinling.dashboard.audit.AuditLog;
import cn.yinling.dashboard.auth.Accounts;
import cn.yinling.dashboard.auth.ApiTokenService;
import cn.yinling.dashboard.auth.PortalSettings;
import cn.yinling.dashboard.portal.UploadProgress;
import cn.yinling.dashboard.web.ClientAddress;
import cn.yinling.warehouse.config.UnitRegistry;
import cn.yinling.warehouse.kpi.KpiCatalog;
import cn.yinling.warehouse.land.Landing;
import cn.yinling.warehouse.land.LandingOptions;
import cn.yinling.warehouse.serve.WarehouseReader;
import cn.yinling.warehouse.store.AgingHome;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard needs from outside; built once by `aging serve` (or a test) and handed to
 * {@link DashboardApp#create(Dependencies)}. Closing it closes the warehouse reader.
 *
 * <p>The KPI catalog is re-read when an admin edits the targets, so {@link #catalog()} may change between requests.
 */
public final class Dependencies implements AutoCloseable {

    private final WarehouseReader warehouse;
    private final AgingHome home;
    private final PortalSettings settings;
    private final AppStore store;
    private final Accounts accounts;
    private final ApiTokenService tokens;
    private final ClientAddress addresses;
    private final AuditLog audit;
    private final Landing landing;
    private final UploadProgress uploads = new UploadProgress();
    private final EtlRunner etl;
    private volatile KpiCatalog catalog;

    /**
     * @param etlCommand the command that runs the ETL as a child process ({@code ./aging etl})
     */
    public Dependencies(WarehouseReader warehouse, KpiCatalog catalog, AgingHome home, PortalSettings settings,
            LandingOptions landingOptions, List<String> etlCommand) {
        this.warehouse = warehouse;
        this.catalog = catalog;
        this.home = home;
        this.settings = settings;
        this.store = AppStore.open(home);
        this.accounts = new Accounts(store, settings);
        this.tokens = new ApiTokenService(store);
        this.addresses = new ClientAddress(settings.behindProxy());
        this.audit = new AuditLog(store, addresses, Clock.systemUTC());
        this.landing = new Landing(home, landingOptions);
        this.etl = new EtlRunner(store, etlCommand, home);
    }

    /** The live version of $AGING_HOME's warehouse, the catalog with the city's targets, the portal's settings. */
    public static Dependencies forHome(AgingHome home, Map<String, String> env, Path repositoryRoot) {
        return new Dependencies(WarehouseReader.open(home), KpiCatalog.withTargets(targetsFile(home)), home,
                PortalSettings.fromEnvironment(env), LandingOptions.fromEnvironment(env),
                List.of(repositoryRoot.resolve("aging").toString(), "etl"));
    }

    public static Path targetsFile(AgingHome home) {
        return home.config().resolve("targets.properties");
    }

    public WarehouseReader warehouse() {
        return warehouse;
    }

    public KpiCatalog catalog() {
        return catalog;
    }

    /** Re-reads targets.properties after an admin changed it. */
    public void reloadCatalog() {
        catalog = KpiCatalog.withTargets(targetsFile(home));
    }

    public AgingHome home() {
        return home;
    }

    public PortalSettings settings() {
        return settings;
    }

    public AppStore store() {
        return store;
    }

    public Accounts accounts() {
        return accounts;
    }

    public ApiTokenService tokens() {
        return tokens;
    }

    public ClientAddress addresses() {
        return addresses;
    }

    public AuditLog audit() {
        return audit;
    }

    public Landing landing() {
        return landing;
    }

    public UploadProgress uploads() {
        return uploads;
    }

    public EtlRunner etl() {
        return etl;
    }

    /** units.csv as it is now (an admin may have edited it). */
    public UnitRegistry units() {
        return UnitRegistry.load(home);
    }

    @Override
    public void close() {
        etl.close();
        warehouse.close();
    }
}
