package cn.yinling.dashboard.report;

import cn.yinling.warehouse.serve.PinnedVersion;

/**
 * Where the report's forecast section gets its projection from. It is called inside the report's pinned version
 * and must compute from that version (its Jdbi), so that the forecast and every other figure of the report come
 * from the same published data.
 */
@FunctionalInterface
public interface ProjectionSource {

    /**
     * The city's projection {@code years} years ahead from the pinned version.
     *
     * @throws ProjectionUnavailableException with a Chinese reason when there is none (the section prints it)
     */
    Projection project(PinnedVersion version, int years);

    /** Used until the forecast engine is wired in (see {@link ReportWiring#projections}). */
    ProjectionSource NOT_CONNECTED = (version, years) -> {
        throw new ProjectionUnavailableException("发展预测模块尚未接入年度报告，本版报告暂不含预测数据。");
    };

    final class ProjectionUnavailableException extends RuntimeException {

        public ProjectionUnavailableException(String message) {
            super(message);
        }
    }
}
