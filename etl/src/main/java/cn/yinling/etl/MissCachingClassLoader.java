package cn.yinling.etl;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A class loader that remembers the class names its parent could not load. Spark compiles the generated code of
 * every query with Janino, which resolves each simple type name by trying it in every imported package, and each
 * miss makes the application class loader search all of the class path's two hundred jars: in the small runs of the
 * etl tests that search took a sixth of the CPU samples. The class path does not change while the JVM runs, so a
 * miss stays a miss; classes that appear later (Janino's, a jar added to a session) are defined by loaders below
 * this one, which look for them once this one has said no.
 *
 * <p>Installed as the context class loader of the thread that starts a local SparkContext: Spark's executor loader
 * and Janino's take their parent from it, and the threads that thread starts inherit it.
 */
final class MissCachingClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Set<String> missing = ConcurrentHashMap.newKeySet();

    private MissCachingClassLoader(ClassLoader parent) {
        super("miss-caching", parent);
    }

    /** Wraps the current thread's context class loader, unless it already is one of these. */
    static void installOnCurrentThread() {
        Thread thread = Thread.currentThread();
        ClassLoader current = thread.getContextClassLoader();
        if (!(current instanceof MissCachingClassLoader)) {
            thread.setContextClassLoader(new MissCachingClassLoader(
                    current != null ? current : MissCachingClassLoader.class.getClassLoader()));
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (missing.contains(name)) {
            throw new KnownMiss(name);
        }
        try {
            return super.loadClass(name, resolve);
        } catch (ClassNotFoundException e) {
            missing.add(name);
            throw e;
        }
    }

    /** Without a stack trace: Janino's stacks are deep, and the callers only catch it to try the next name. */
    private static final class KnownMiss extends ClassNotFoundException {

        KnownMiss(String name) {
            super(name);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
