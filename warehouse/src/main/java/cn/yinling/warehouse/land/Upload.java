package cn.yinling.warehouse.land;

import java.nio.file.Path;

/**
 * One file handed to {@link Landing#ingest}: which feed, period and reporting unit it is for, who sent it, the name the
 * user gave it (kept in the manifest only, never used in a path) and where its bytes are now.
 *
 * @param feed         feed code of feeds.json, e.g. {@code household}
 * @param period       {@code YYYY-MM} for monthly feeds, {@code YYYY} for annual ones
 * @param unit         {@code <department>:<6-digit scope>}, e.g. {@code public_security:320300}
 * @param user         who uploaded it ({@code cli}, an account name, an API token's unit)
 * @param originalName the file name as the user had it
 * @param file         the uploaded bytes
 * @param restores     when an admin restores an earlier batch: that batch's id (the new batch copies its file);
 *                     null for an ordinary upload
 */
public record Upload(String feed, String period, String unit, String user, String originalName, Path file,
        String restores) {

    public Upload(String feed, String period, String unit, String user, String originalName, Path file) {
        this(feed, period, unit, user, originalName, file, null);
    }
}
