package cn.yinling.warehouse.serve;

import java.nio.file.Path;

/** A published warehouse version: its number and the folder holding one Parquet folder per table. */
public record PublishedVersion(int number, Path directory) {
}
