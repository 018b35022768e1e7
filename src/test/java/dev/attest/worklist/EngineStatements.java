package dev.attest.worklist;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.function.Supplier;

import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Counts the SQL statements the engine runs on the calling thread while a piece of work runs, by the engine's own
 * statement names ({@code selectTask}, {@code selectVariablesByExecutionId}, …): a MyBatis plugin on the engine's
 * session factory, installed once for the shared test context, that counts only on a thread inside {@link #during}
 * (the job executor's and the schedulers' statements run on their own threads and are not counted).
 */
@Intercepts({
    @Signature(type = Executor.class, method = "query",
            args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
    @Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class})})
public final class EngineStatements implements Interceptor {

    private static final ThreadLocal<Map<String, Integer>> COUNTING = new ThreadLocal<>();
    /** The engines it was installed on (a test context of other settings has an engine of its own). */
    private static final Set<Object> INSTALLED = Collections.newSetFromMap(new WeakHashMap<>());

    private EngineStatements() {
    }

    /** The statements the engine ran on this thread while {@code work} ran, by name, and how often each. */
    public static Map<String, Integer> during(ProcessEngineConfigurationImpl engine, Runnable work) {
        return during(engine, () -> {
            work.run();
            return null;
        }).getKey();
    }

    /** The statements the engine ran on this thread while {@code work} ran, and the work's result. */
    public static <T> Map.Entry<Map<String, Integer>, T> during(ProcessEngineConfigurationImpl engine,
            Supplier<T> work) {
        install(engine);
        Map<String, Integer> counts = new TreeMap<>();
        COUNTING.set(counts);
        try {
            T result = work.get();
            return new AbstractMap.SimpleImmutableEntry<>(counts, result);
        } finally {
            COUNTING.remove();
        }
    }

    private static synchronized void install(ProcessEngineConfigurationImpl engine) {
        if (INSTALLED.add(engine)) {
            engine.getSqlSessionFactory().getConfiguration().addInterceptor(new EngineStatements());
        }
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        Map<String, Integer> counts = COUNTING.get();
        if (counts != null) {
            String id = ((MappedStatement) invocation.getArgs()[0]).getId();
            counts.merge(id.substring(id.lastIndexOf('.') + 1), 1, Integer::sum);
        }
        return invocation.proceed();
    }
}
