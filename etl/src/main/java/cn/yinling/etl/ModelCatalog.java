package cn.yinling.etl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Finds the SQL models on the class path, in a folder or inside a jar (spark-submit ships the shaded jar). */
public final class ModelCatalog {

    public static final String MODELS_ROOT = "cn/yinling/warehouse/models";

    private ModelCatalog() {
    }

    public static List<Model> load() {
        return load(ModelCatalog.class.getClassLoader(), MODELS_ROOT);
    }

    /** Every {@code *.sql} under {@code root} on the class path; the first class path entry wins for a resource. */
    public static List<Model> load(ClassLoader loader, String root) {
        Map<String, Model> byResource = new TreeMap<>();
        try {
            Enumeration<URL> locations = loader.getResources(root);
            while (locations.hasMoreElements()) {
                URL location = locations.nextElement();
                for (String resource : list(location, root)) {
                    byResource.computeIfAbsent(resource, r -> read(loader, root, r));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list SQL models under " + root, e);
        }
        return new ArrayList<>(byResource.values());
    }

    private static List<String> list(URL location, String root) throws IOException {
        URI uri;
        try {
            uri = location.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("bad resource URL " + location, e);
        }
        if (uri.getScheme().equals("jar")) {
            FileSystem jar;
            boolean opened = false;
            try {
                jar = FileSystems.newFileSystem(uri, Map.of());
                opened = true;
            } catch (FileSystemAlreadyExistsException e) {
                jar = FileSystems.getFileSystem(uri);
            }
            try {
                return walk(jar.getPath(root), root);
            } finally {
                if (opened) {
                    jar.close();
                }
            }
        }
        return walk(Path.of(uri), root);
    }

    private static List<String> walk(Path base, String root) throws IOException {
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".sql"))
                    .map(p -> root + "/" + base.relativize(p).toString().replace('\\', '/'))
                    .sorted(Comparator.naturalOrder())
                    .toList();
        }
    }

    private static Model read(ClassLoader loader, String root, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("model vanished from the class path: " + resource);
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String relative = resource.substring(root.length() + 1);
            int slash = relative.lastIndexOf('/');
            String folder = slash < 0 ? "" : relative.substring(0, slash);
            String file = relative.substring(slash + 1, relative.length() - ".sql".length());
            return new Model(folder, file, resource, sql);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Creates the SQL functions of {@code models} ({@code functions/*.sql}) in {@code session}, before any model runs. */
    static void registerFunctions(org.apache.spark.sql.SparkSession session, java.util.List<Model> models) {
        models.stream().filter(Model::isFunction).forEach(f -> session.sql(f.statement()));
    }
}
