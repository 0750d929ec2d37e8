package cn.yinling.dashboard.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.dashboard.auth.PortalSettings;
import cn.yinling.warehouse.land.LandingCatalog;
import cn.yinling.warehouse.land.Manifest;
import cn.yinling.warehouse.store.AgingHome;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The security cases of issue #4, each against the running app over HTTP. */
class PortalSecurityTest {

    static final long LIMIT = 1024 * 1024;

    @TempDir
    Path home;
    PortalFixture portal;

    @BeforeEach
    void start() {
        portal = new PortalFixture(home, PortalSettings.defaults().withMaxUploadBytes(LIMIT), List.of("false"));
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    static byte[] allowanceCsv(String... regions) {
        List<String> lines = new ArrayList<>(List.of("发放年月,公民身份号码,姓名,补贴类别,发放金额,发放地区划代码,发放方式"));
        for (int i = 0; i < regions.length; i++) {
            lines.add("2024-12," + PortalFixture.id("320311", "19400101", String.format("%03d", 11 + 2 * i))
                    + ",赵" + i + ",高龄津贴(80-89岁),100.00," + regions[i] + ",社保卡");
        }
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anUploaderCannotSendAnotherDepartmentsFeedNorRowsOutsideItsScopeNorActForAnotherUnit() {
        PortalClient quanshan = portal.login("quanshan1");

        PortalClient.Response household = quanshan.upload("household", "2024-12", null, "h.csv",
                PortalFixture.householdCsv(false));
        assertEquals(422, household.status());
        assertEquals("FEED_NOT_ALLOWED", household.json().get("fatal").get("rule").asText());
        assertEquals(PortalFixture.QUANSHAN_CIVIL, household.json().get("unit").asText());

        PortalClient.Response asPolice = quanshan.upload("household", "2024-12", PortalFixture.POLICE, "h.csv",
                PortalFixture.householdCsv(false));
        assertEquals(403, asPolice.status(), "the unit field cannot name another unit");
        assertTrue(asPolice.json().get("error").asText().contains("只能以本单位"));
        assertTrue(new LandingCatalog(new AgingHome(home)).manifests("household").stream()
                .noneMatch(m -> m.unit().equals(PortalFixture.POLICE)), "nothing landed for 公安局");

        // 王陵社区 lies in 泉山区; 九里山社区 lies in 铜山区, outside the unit's scope.
        PortalClient.Response scoped = quanshan.upload("allowance", "2024-12", null, "a.csv",
                allowanceCsv("320311001001", "320312001001"));
        List<String> rules = new ArrayList<>();
        scoped.json().get("rejections").forEach(r -> rules.add(r.get("row").asInt() + ":" + r.get("rule").asText()));
        assertTrue(rules.contains("3:OUT_OF_SCOPE"), rules.toString());
        assertFalse(rules.contains("2:OUT_OF_SCOPE"), rules.toString());
    }

    @Test
    void anUploaderSeesOnlyItsOwnUnitsBatchesByListApiAndGuessedId() {
        String policeBatch = portal.login("police1").upload("household", "2024-12", null, "h.csv",
                PortalFixture.householdCsv(true)).json().get("batch_id").asText();
        PortalClient quanshan = portal.login("quanshan1");
        String ownBatch = quanshan.upload("allowance", "2024-12", null, "a.csv", allowanceCsv("320311001001"))
                .json().get("batch_id").asText();

        JsonNode list = quanshan.get("/api/v1/batches").json();
        assertEquals(1, list.size(), list.toString());
        assertEquals(ownBatch, list.get(0).get("batch_id").asText());
        JsonNode asked = quanshan.get("/api/v1/batches?unit=" + PortalFixture.POLICE).json();
        assertEquals(1, asked.size(), "asking for another unit still lists only one's own");
        assertEquals(PortalFixture.QUANSHAN_CIVIL, asked.get(0).get("unit").asText());
        assertEquals(404, quanshan.get("/api/v1/batches/" + policeBatch).status());
        for (String format : List.of("json", "csv", "xlsx")) {
            assertEquals(404, quanshan.get("/api/v1/batches/" + policeBatch + "/rejections?format=" + format).status());
        }
        assertEquals(404, quanshan.get("/api/v1/batches/..%2F..%2Fapp").status());
        assertEquals(200, quanshan.get("/api/v1/batches/" + ownBatch).status());
        assertEquals(3, portal.login("planner1").get("/api/v1/batches").json().size(),
                "planners see every unit: 统计局 region codes, 公安局, 泉山区民政局");
    }

    @Test
    void anonymousRequestsGetTheLoginPageOr401AndALeaderGets403OnUploadAndAdmin() {
        PortalClient anonymous = portal.anonymous();
        for (String page : List.of("/", "/index.html", "/portal.html", "/admin.html", "/submissions.html",
                "/themes/population", "/theme.html")) {
            PortalClient.Response r = anonymous.get(page);
            assertEquals(302, r.status(), page);
            assertTrue(r.header("Location").startsWith("/login.html?next="), r.header("Location"));
        }
        assertEquals(200, anonymous.get("/login.html").status());
        for (String api : List.of("/api/v1/kpis", "/api/v1/batches", "/api/v1/admin/users", "/api/v1/submissions",
                "/api/v1/session", "/api/v1/feeds", "/api/v1/themes", "/api/v1/kpis/pop_total",
                "/api/v1/population/pyramid")) {
            assertEquals(401, anonymous.get(api).status(), api);
        }

        PortalClient leader = portal.login("leader1");
        assertEquals(403, leader.upload("household", "2024-12", null, "h.csv", PortalFixture.householdCsv(false))
                .status());
        for (String api : List.of("/api/v1/admin/users", "/api/v1/admin/audit", "/api/v1/submissions",
                "/api/v1/batches", "/api/v1/feeds", "/api/v1/templates/household")) {
            assertEquals(403, leader.get(api).status(), api);
        }
        assertEquals(403, leader.post("/api/v1/admin/users", Map.of("name", "x1", "role", "admin")).status());
        assertEquals(403, leader.post("/api/v1/admin/etl-runs", null).status());
        assertEquals(403, leader.get("/portal.html").status());
        assertEquals(403, leader.get("/admin.html").status());
        assertEquals(200, leader.get("/").status());
        assertEquals(200, leader.get("/themes/population").status(), "the theme pages are for every role");
        assertEquals(200, portal.login("police1").get("/themes/quality").status());
        assertEquals(403, portal.login("police1").get("/api/v1/admin/users").status(), "uploaders are not admins");
        assertEquals(403, portal.login("planner1").post("/api/v1/admin/tokens", Map.of("unit", PortalFixture.POLICE))
                .status());
    }

    @Test
    void aRequestWithoutAValidCsrfTokenChangesNothing() {
        PortalClient admin = portal.login("admin1");
        int users = admin.get("/api/v1/admin/users").json().size();

        assertEquals(403, admin.post("/api/v1/admin/users", Map.of("name", "intruder", "role", "admin"), false).status());
        assertEquals(users, admin.get("/api/v1/admin/users").json().size());

        PortalClient police = portal.login("police1");
        PortalClient.Response upload = police.upload("household", "2024-12", null, "h.csv",
                PortalFixture.householdCsv(false), false);
        assertEquals(403, upload.status());
        assertTrue(upload.json().get("error").asText().contains("CSRF"));
        assertTrue(new LandingCatalog(new AgingHome(home)).manifests("household").isEmpty());

        assertEquals(403, police.post("/api/v1/session/logout", null, false).status());
        assertEquals(200, police.get("/api/v1/session").status(), "still signed in");
        assertEquals(403, admin.post("/api/v1/admin/tokens", Map.of("unit", PortalFixture.POLICE), false).status());
        assertTrue(portal.deps.tokens().all().isEmpty());

        PortalClient.Response forgedLogin = portal.anonymous().post("/api/v1/session",
                Map.of("name", "admin1", "password", cn.yinling.dashboard.TestDependencies.PASSWORD), false);
        assertEquals(403, forgedLogin.status(), "the sign-in form needs its double-submit token too");
    }

    @Test
    void aBodyTheApiCannotReadIsRefusedWith400AndSaysWhatToFix() {
        PortalClient admin = portal.login("admin1");
        int users = admin.get("/api/v1/admin/users").json().size();

        PortalClient.Response unknownField = admin.post("/api/v1/admin/users", Map.of("username", "x", "role", "admin"));
        assertEquals(400, unknownField.status());
        assertTrue(unknownField.json().get("error").asText().contains("不认识的字段“username”"), unknownField.text());

        PortalClient.Response notJson = admin.postText("/api/v1/admin/users", "{\"name\": \"x\", ");
        assertEquals(400, notJson.status());
        assertTrue(notJson.json().get("error").asText().contains("不是有效的 JSON"), notJson.text());
        assertEquals(users, admin.get("/api/v1/admin/users").json().size());

        PortalClient.Response login = portal.anonymous().trySignIn("{\"username\": \"admin1\", \"password\": \"x\"}");
        assertEquals(400, login.status());
        assertTrue(login.json().get("error").asText().contains("“username”"), login.text());
    }

    @Test
    void userFileNamesNeverBecomePathsTheStoredNameIsTheSystems() throws Exception {
        PortalClient police = portal.login("police1");
        String[] names = {"../../../../etc/evil.csv", "/tmp/aging-absolute-evil.csv", "..\\..\\win<do>ws|?\u202E.csv"};
        List<String> expectedNames = List.of("evil.csv", "aging-absolute-evil.csv", "windows.csv");
        for (int i = 0; i < names.length; i++) {
            byte[] csv = PortalFixture.pensionCsv("2024-" + String.format("%02d", i + 1), 2);
            PortalClient.Response r = portal.login("pension1").upload("pension", "2024-" + String.format("%02d", i + 1),
                    null, names[i], csv);
            assertEquals(200, r.status(), r.text());
            Manifest m = new LandingCatalog(new AgingHome(home)).find(r.json().get("batch_id").asText()).orElseThrow();
            assertEquals("original.csv", m.storedFile());
            assertEquals(expectedNames.get(i), m.originalName());
            assertTrue(Files.isRegularFile(new LandingCatalog(new AgingHome(home)).batchDirectory(m).resolve("original.csv")));
        }
        assertFalse(Files.exists(Path.of("/tmp/aging-absolute-evil.csv")));
        try (Stream<Path> all = Files.walk(home)) {
            List<Path> strays = all.filter(p -> p.getFileName().toString().contains("evil")).toList();
            assertTrue(strays.isEmpty(), strays.toString());
        }
        try (Stream<Path> staged = Files.list(home.resolve("app/uploads"))) {
            assertEquals(0, staged.count(), "staged copies are removed");
        }
        assertEquals(200, police.get("/api/v1/session").status());
    }

    @Test
    void oversizedBombEncryptedCorruptAndBinaryFilesAreRefusedWithAClearMessageAndTheServerStaysUp() throws Exception {
        PortalClient police = portal.login("police1");

        byte[] big = new byte[(int) LIMIT + 300_000];
        java.util.Arrays.fill(big, (byte) 'a');
        PortalClient.Response tooLarge = police.upload("household", "2024-12", null, "big.csv", big);
        assertEquals(413, tooLarge.status());
        assertTrue(tooLarge.json().get("error").asText().contains("1 MB"), tooLarge.text());
        PortalClient.Response streamed = portal.login("police1").chunked().upload("household", "2024-12", null,
                "big.csv", big);
        assertEquals(413, streamed.status(), "without a Content-Length the multipart limit stops it: " + streamed.text());
        try (Stream<Path> cache = Files.list(home.resolve("app/upload-cache"))) {
            assertEquals(0, cache.count(), "no part of it is left on disk");
        }

        Map<String, byte[]> refused = Map.of(
                "bomb.xlsx", zipBomb(),
                "encrypted.xlsx", encryptedXlsx(),
                "corrupt.xlsx", corruptXlsx(),
                "binary.csv", binary());
        for (Map.Entry<String, byte[]> file : refused.entrySet()) {
            PortalClient.Response r = police.upload("household", "2024-12", null, file.getKey(), file.getValue());
            assertEquals(422, r.status(), file.getKey() + ": " + r.text());
            JsonNode fatal = r.json().get("fatal");
            assertEquals("FILE_UNREADABLE", fatal.get("rule").asText(), file.getKey());
            assertTrue(fatal.get("message").asText().matches(".*[\\u4e00-\\u9fa5].*"), fatal.toString());
            assertEquals(0, r.json().get("rows_loaded").asInt());
            assertEquals(200, police.get("/api/v1/session").status(), "the server is still up after " + file.getKey());
        }
        PortalClient.Response fine = police.upload("household", "2024-12", null, "h.csv",
                PortalFixture.householdCsv(false));
        assertEquals(200, fine.status(), "uploads work after all that");
    }

    /** A sheet of 60 MB of blanks that deflates to a few hundred kilobytes. */
    static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] blanks = new byte[1 << 20];
            java.util.Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < 60; i++) {
                zip.write(blanks);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    static byte[] encryptedXlsx() throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("户籍人口");
            Row header = sheet.createRow(0);
            String[] headers = PortalFixture.HOUSEHOLD_HEADER.split(",");
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            workbook.write(plain);
        }
        POIFSFileSystem fs = new POIFSFileSystem();
        Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
        encryptor.confirmPassword("secret");
        try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(plain.toByteArray()));
                OutputStream out = encryptor.getDataStream(fs)) {
            opc.save(out);
        }
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        fs.writeFilesystem(encrypted);
        fs.close();
        return encrypted.toByteArray();
    }

    static byte[] corruptXlsx() {
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        bytes[0] = 'P';
        bytes[1] = 'K';
        bytes[2] = 3;
        bytes[3] = 4;
        return bytes;
    }

    static byte[] binary() {
        byte[] bytes = new byte[8192];
        new Random(11).nextBytes(bytes);
        bytes[10] = 0;
        return bytes;
    }

    @Test
    void cellsThatASpreadsheetWouldRunAreNeutralisedInEveryDownload() throws Exception {
        PortalClient police = portal.login("police1");
        String batch = police.upload("household", "2024-12", null, "h.csv", PortalFixture.householdCsv(true))
                .json().get("batch_id").asText();

        String csv = new String(police.get("/api/v1/batches/" + batch + "/rejections?format=csv").body(),
                StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF"), "UTF-8 with BOM");
        assertTrue(csv.contains(",'=1+2,"), csv);
        assertFalse(csv.contains(",=1+2,"), csv);

        PortalClient.Response xlsx = police.get("/api/v1/batches/" + batch + "/rejections?format=xlsx");
        assertEquals(200, xlsx.status());
        assertTrue(xlsx.header("Content-Disposition").contains("filename*=UTF-8''"), xlsx.header("Content-Disposition"));
        List<String> values = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheet("问题清单");
            assertEquals("行号", sheet.getRow(0).getCell(0).getStringCellValue());
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                values.add(sheet.getRow(r).getCell(3).getStringCellValue());
                for (var cell : sheet.getRow(r)) {
                    assertFalse(cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA, "no formula cells");
                }
            }
        }
        assertTrue(values.contains("'=1+2"), values.toString());
        assertEquals(2, values.size(), "both rejections, and the header row");
    }

    @Test
    void everyLoginUploadDownloadAndAdminActionIsAuditedAndTheLogCannotBeEdited() {
        PortalClient admin = portal.login("admin1");
        portal.anonymous().tryLogin("admin1", "wrong-password-1");
        PortalClient police = portal.login("police1");
        String batch = police.upload("household", "2024-12", null, "h.csv", PortalFixture.householdCsv(true))
                .json().get("batch_id").asText();
        police.get("/api/v1/batches/" + batch + "/rejections?format=xlsx");
        police.get("/api/v1/templates/household");
        admin.post("/api/v1/admin/tokens", Map.of("unit", PortalFixture.POLICE));

        JsonNode entries = admin.get("/api/v1/admin/audit?limit=500").json().get("entries");
        List<String> seen = new ArrayList<>();
        entries.forEach(e -> seen.add(e.get("actor").asText() + " " + e.get("action").asText() + " "
                + e.get("target").asText() + " " + e.get("outcome").asText()));
        assertTrue(seen.contains("admin1 login admin1 ok"), seen.toString());
        assertTrue(seen.contains("admin1 login_failed admin1 denied"), seen.toString());
        assertTrue(seen.contains("police1 upload " + batch + " accepted"), seen.toString());
        assertTrue(seen.contains("police1 download " + batch + " ok"), seen.toString());
        assertTrue(seen.contains("police1 download template:household ok"), seen.toString());
        assertTrue(seen.contains("admin1 admin token:" + PortalFixture.POLICE + " ok"), seen.toString());
        entries.forEach(e -> assertEquals("127.0.0.1", e.get("ip").asText(), "from where"));
        assertTrue(entries.get(0).get("at").asLong() > 0, "when");

        assertEquals(403, police.get("/api/v1/admin/audit").status(), "admins only");
        assertTrue(List.of(404, 405).contains(admin.delete("/api/v1/admin/audit").status()));
        assertTrue(List.of(404, 405).contains(admin.put("/api/v1/admin/audit", Map.of()).status()));
        assertThrows(Exception.class, () -> portal.deps.store().jdbi().useHandle(h ->
                h.execute("update audit_log set actor = 'nobody'")), "the table refuses edits");
        assertThrows(Exception.class, () -> portal.deps.store().jdbi().useHandle(h -> h.execute("delete from audit_log")));
    }
}
