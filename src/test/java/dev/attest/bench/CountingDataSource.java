package dev.attest.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Wraps a data source and counts the SQL statements executed through it (every execute* call, a batch as one),
 * in total and by kind: the verb and the table it reads or writes ({@code insert ACT_HI_ACTINST}).
 */
final class CountingDataSource {

    private static final Pattern KIND = Pattern.compile(
            "(?is)^\\s*(?:(update)\\s+|(select|insert|delete)\\b.*?\\b(?:from|into)\\s+)([A-Za-z_][\\w.]*)");

    /**
     * Up to 20 statements of one kind with the Attest method that caused them, collected when the system property
     * {@code attest.bench.show} names the kind with underscores ({@code -DargLine=-Dattest.bench.show=select_ACT_RE_PROCDEF});
     * {@code -Dattest.bench.showOther=true} collects the statements no kind was found for.
     */
    static final Set<String> SAMPLES = ConcurrentHashMap.newKeySet();

    final AtomicLong statements = new AtomicLong();
    final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();

    DataSource wrap(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                handler(target, Connection.class, null));
    }

    void reset() {
        statements.set(0);
        byKind.clear();
        SAMPLES.clear();
    }

    static String kind(String sql) {
        if (sql == null) {
            return "other";
        }
        Matcher m = KIND.matcher(sql);
        if (!m.find()) {
            if (Boolean.getBoolean("attest.bench.showOther") && SAMPLES.size() < 40) {
                String flat = sql.strip().replaceAll("\\s+", " ");
                SAMPLES.add(flat.substring(0, Math.min(120, flat.length())));
            }
            return "other";
        }
        String verb = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
        String table = m.group(3).toUpperCase(Locale.ROOT);
        if (sql.contains("REMOVAL_TIME_ = ?") && verb.equals("update")) {
            table += " (removal time)";
        }
        return verb + " " + table;
    }

    private InvocationHandler handler(Object target, Class<?> kind, String preparedSql) {
        return (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (Statement.class.isAssignableFrom(kind) && method.getName().startsWith("execute")) {
                statements.incrementAndGet();
                String sql = preparedSql != null ? preparedSql
                        : args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                String k = kind(sql);
                byKind.computeIfAbsent(k, x -> new LongAdder()).increment();
                if (k.replace(' ', '_').equals(System.getProperty("attest.bench.show")) && SAMPLES.size() < 20) {
                    String flat = sql.strip().replaceAll("\\s+", " ");
                    StackTraceElement caller = Arrays.stream(new Throwable().getStackTrace())
                            .filter(e -> e.getClassName().startsWith("dev.attest") && !e.getClassName().contains("bench"))
                            .findFirst().orElse(null);
                    SAMPLES.add(flat.substring(0, Math.min(160, flat.length())) + " <- " + caller);
                }
            }
            if (result instanceof Connection c && method.getReturnType() == Connection.class) {
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                        handler(c, Connection.class, null));
            }
            if (result instanceof Statement s && Statement.class.isAssignableFrom(method.getReturnType())) {
                Class<?> type = method.getReturnType();
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler(s, type, sql));
            }
            return result;
        };
    }
}
