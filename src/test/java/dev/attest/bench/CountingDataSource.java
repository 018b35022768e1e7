package dev.attest.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
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
            "(?is)^\\s*(select|insert|update|delete)\\b.*?\\b(?:from|into|update)\\s+([A-Za-z_][\\w.]*)");

    final AtomicLong statements = new AtomicLong();
    final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();

    DataSource wrap(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                handler(target, Connection.class, null));
    }

    void reset() {
        statements.set(0);
        byKind.clear();
    }

    static String kind(String sql) {
        if (sql == null) {
            return "other";
        }
        Matcher m = KIND.matcher(sql);
        if (!m.find()) {
            return "other";
        }
        String verb = m.group(1).toLowerCase(Locale.ROOT);
        String table = m.group(2).toUpperCase(Locale.ROOT);
        if (verb.equals("update")) {
            table = sql.trim().split("\\s+")[1].toUpperCase(Locale.ROOT);
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
                byKind.computeIfAbsent(kind(sql), k -> new LongAdder()).increment();
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
