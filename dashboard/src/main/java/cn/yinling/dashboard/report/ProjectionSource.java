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

    final class ProjectionUnavailableException extends RuntimeException {

        public ProjectionUnavailableException(String message) {
            super(message);
        }
    }
}
