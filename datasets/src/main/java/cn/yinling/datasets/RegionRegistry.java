package cn.yinling.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The region reference of 徐州市 (统计用区划代码 2023, see shared/data/README.md): codes as published (2–12 digits),
 * with the districts and communities indexed for the generator.
 */
public final class RegionRegistry {

    public static final String RESOURCE = "regions-xuzhou-3203.csv";
    public static final String CITY_CODE = "320300000000";

    /** One row of the reference file; {@code code} as published, {@code code12} padded to 12 digits. */
    public record Region(String code, String name, int level, String parentCode, String urbanRuralCode) {

        public String code12() {
            return pad12(code);
        }

        public boolean urban() {
            return urbanRuralCode != null && urbanRuralCode.startsWith("1");
        }
    }

    private final List<Region> all;
    private final List<Region> districts;
    private final List<Region> streets;
    private final List<Region> communities;
    /** community index → district index. */
    private final int[] communityDistrict;
    private final String[] communityCode12;

    private RegionRegistry(List<Region> all) {
        this.all = List.copyOf(all);
        this.districts = all.stream().filter(r -> r.level() == 3).toList();
        this.streets = all.stream().filter(r -> r.level() == 4).toList();
        this.communities = all.stream().filter(r -> r.level() == 5).toList();
        this.communityDistrict = new int[communities.size()];
        this.communityCode12 = new String[communities.size()];
        for (int i = 0; i < communities.size(); i++) {
            String district = communities.get(i).code().substring(0, 6);
            communityDistrict[i] = indexOfDistrict(district);
            communityCode12[i] = communities.get(i).code12();
        }
    }

    public static RegionRegistry load() {
        try (InputStream in = RegionRegistry.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Region> rows = new ArrayList<>();
            String line = reader.readLine(); // header
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] c = line.split(",", -1);
                rows.add(new Region(c[0], c[1], Integer.parseInt(c[2]), c[3].isEmpty() ? null : c[3],
                        c[4].isEmpty() ? null : c[4]));
            }
            return new RegionRegistry(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pad12(String code) {
        StringBuilder sb = new StringBuilder(12).append(code);
        while (sb.length() < 12) {
            sb.append('0');
        }
        return sb.toString();
    }

    public List<Region> all() {
        return all;
    }

    public List<Region> districts() {
        return districts;
    }

    public List<Region> streets() {
        return streets;
    }

    public List<Region> communities() {
        return communities;
    }

    public int districtOfCommunity(int communityIndex) {
        return communityDistrict[communityIndex];
    }

    public String communityCode12(int communityIndex) {
        return communityCode12[communityIndex];
    }

    /** Index in {@link #districts()} of a 6-digit district code, -1 when unknown. */
    public int indexOfDistrict(String district6) {
        for (int i = 0; i < districts.size(); i++) {
            if (districts.get(i).code().equals(district6)) {
                return i;
            }
        }
        return -1;
    }

    /** The district's 12-digit code. */
    public String districtCode12(int districtIndex) {
        return districts.get(districtIndex).code12();
    }
}
