package cn.yinling.datasets;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a generation run wrote.
 *
 * @param out the output folder
 * @param files feed files written (every one is in ingest-plan.csv)
 * @param filesByFeed feed → number of files
 * @param dataRows data rows written over all feed files (footers and titles not counted)
 * @param plantedRows rows planted to break a rule (= lines of truth/rejections.csv)
 * @param initialPopulation registered residents at the start of the first month
 * @param finalPopulation active registered residents at the end of the last month
 * @param deaths deaths over the whole range
 * @param facilities facilities in the registry
 */
public record GenerationSummary(
        Path out,
        int files,
        Map<String, Integer> filesByFeed,
        long dataRows,
        long plantedRows,
        long initialPopulation,
        long finalPopulation,
        long deaths,
        int facilities) {
}
